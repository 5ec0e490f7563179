/**
 * The CLI reads only regular files, never more than the size limit: a named pipe with no writer,
 * /dev/zero or a file that grows cannot hang it or fill its memory. File names are printed with
 * their control characters escaped, so a hostile name cannot drive the terminal.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRegularFile, readScenarioFile } from '../../../src/cli/files.ts';
import { MAX_BYTES } from '../../../src/engine/format/limits.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = 'tests/fixtures/format';
const audio = ['--audio-dir', `${fixtures}/audio`];

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['bin/kap-scenario.js', ...args],
      { cwd: root, timeout: 20_000, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        // A killed process (the CLI hung) has no exit code: the tests then fail on `code`.
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
      },
    );
  });
}

/** Whether text holds a control character other than tab and new line. */
const hasControl = (text: string) =>
  [...text].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && ch !== '\n' && ch !== '\t') || c === 0x7f;
  });

function fifo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kap-fifo-'));
  const file = path.join(dir, 'scenario.json');
  execFileSync('mkfifo', [file]);
  return file;
}

describe('reading scenario files', { timeout: 30_000 }, () => {
  it('refuses a named pipe without waiting for a writer', async () => {
    const read = await readScenarioFile(fifo());
    expect(read).toEqual({ kind: 'unreadable', reason: 'it is a named pipe, not a regular file' });
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses /dev/zero without reading it', async () => {
    const read = await readScenarioFile('/dev/zero');
    expect(read).toEqual({ kind: 'unreadable', reason: 'it is a device, not a regular file' });
  });

  it('never reads more than the limit', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kap-big-')), 'big.json');
    execFileSync('truncate', ['-s', String(MAX_BYTES + 10), file]);
    expect(await readScenarioFile(file)).toMatchObject({
      kind: 'refused',
      diagnostic: { code: 'FILE_TOO_LARGE' },
    });
    expect(await readRegularFile(file, 16)).toEqual({ kind: 'tooLarge', size: MAX_BYTES + 10 });
  });

  it('validate refuses a named pipe and /dev/zero and goes on with the other files', async () => {
    const pipe = fifo();
    const r = await run(
      'validate',
      pipe,
      '/dev/zero',
      `${fixtures}/valid/minimal-session.json`,
      ...audio,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${pipe}: cannot read: it is a named pipe, not a regular file`);
    expect(r.stderr).toContain('/dev/zero: cannot read: it is a device, not a regular file');
    expect(r.stdout).toContain('in 1 file');
  });

  it('run refuses a named pipe as its choices file', async () => {
    const r = await run(
      'run',
      `${fixtures}/valid/minimal-session.json`,
      '--choices',
      fifo(),
      ...audio,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a named pipe, not a regular file');
  });

  it('prints file names with control characters escaped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kap-name-'));
    const file = path.join(dir, 'evil\u001b[2Jname\u0007.json');
    copyFileSync(path.join(root, fixtures, 'invalid/unknown-references.json'), file);
    const r = await run('validate', file, ...audio);
    expect(r.code).toBe(1);
    expect(hasControl(r.stdout)).toBe(false);
    expect(r.stdout).toContain('evil\\u001b[2Jname\\u0007.json:38:113 error UNKNOWN_COMPETENCY');
    const missing = await run('validate', path.join(dir, 'gone\u001b]0;x\u0007.json'), ...audio);
    expect(hasControl(missing.stderr)).toBe(false);
    expect(missing.stderr).toContain('gone\\u001b]0;x\\u0007.json: cannot read: no such file');
  });
});
