import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = 'tests/fixtures/format';
const audio = ['--audio-dir', `${fixtures}/audio`];
const valid = `${fixtures}/valid/minimal-session.json`;

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', ['bin/kap-scenario.js', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toMatch(/\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/);
};

describe('kap-scenario validate', { timeout: 30_000 }, () => {
  it('exits 0 on a valid scenario', async () => {
    // Named after its id, so the file-name check has nothing to say.
    const dir = mkdtempSync(path.join(tmpdir(), 'kap-cli-'));
    const named = path.join(dir, 'fixture-minimal-session.json');
    writeFileSync(named, readFileSync(path.join(root, valid)));
    const r = await run('validate', named, ...audio);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('0 errors, 0 warnings in 1 file.');
  });

  it('warns when the id differs from the file name, and refuses one id in two files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kap-cli-'));
    const first = path.join(dir, 'fixture-minimal-session.json');
    const copy = path.join(dir, 'zz-copy.json');
    writeFileSync(first, readFileSync(path.join(root, valid)));
    writeFileSync(copy, readFileSync(path.join(root, valid)));
    const r = await run('validate', dir, ...audio);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${copy}:4:3 error SCENARIO_ID_DUPLICATE The scenario id "fixture-minimal-session" is also the id of ${first}. (Give each scenario its own id, the same as its file name; attempts and results are stored under it.)`,
      `${copy}:4:3 warning SCENARIO_ID_FILE_NAME The scenario id "fixture-minimal-session" differs from the file name "zz-copy.json". (Make the id "zz-copy", or rename the file to "fixture-minimal-session.json".)`,
      '1 error, 1 warning in 2 files.',
    ]);
    const alone = await run('validate', copy, ...audio, '--json');
    const report = JSON.parse(alone.stdout) as { files: { diagnostics: { code: string }[] }[] };
    expect(report.files[0]!.diagnostics.map((d) => d.code)).toEqual(['SCENARIO_ID_FILE_NAME']);
    expect(alone.code).toBe(0);
  });

  it('prints file:line:col severity CODE message (hint) and exits 1 on errors', async () => {
    const file = `${fixtures}/invalid/unknown-references.json`;
    const r = await run('validate', file, ...audio);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `${file}:38:113 error UNKNOWN_COMPETENCY There is no competency "safty". (Did you mean "safety"?)`,
    );
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^\S+:\d+:\d+ (error|warning) [A-Z_]+ .+$/);
    expect(lines.at(-1)).toBe('7 errors, 0 warnings in 1 file.');
  });

  it('expands * and ** globs', async () => {
    const r = await run('validate', 'tests/fixtures/**/valid/*-s*.json', ...audio);
    const count = readdirSync(path.join(root, fixtures, 'valid')).filter((f) =>
      /-s.*\.json$/.test(f),
    ).length;
    expect(count).toBeGreaterThan(0);
    // Fixture ids are not their file names: one SCENARIO_ID_FILE_NAME warning each.
    expect(r.stdout).toContain(`0 errors, ${count} warning`);
    expect(r.stdout).toContain(` in ${count} file`);
    expect(r.code).toBe(0);
    const none = await run('validate', 'tests/fixtures/**/nothing-*.json');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no file matches');
  });

  it('checks that referenced audio files exist (public/audio by default)', async () => {
    const r = await run('validate', valid);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'error AUDIO_FILE_MISSING The audio file "patient-nervous.ogg" is not in public/audio/.',
    );
  });

  it('prints JSON with --json', async () => {
    const r = await run('validate', `${fixtures}/invalid/phase-order.json`, '--json', ...audio);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toBe(2);
    expect(report.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'PHASE_MISSING',
      'PHASE_ORDER',
    ]);
  });

  it.each([
    'binary.json',
    'utf16-no-bom.json',
    'too-deep.json',
    'forbidden-proto.json',
    'empty.json',
    'top-level-array.json',
  ])('refuses the hostile file %s with one message, exit 1 and no stack trace', async (name) => {
    const r = await run('validate', `${fixtures}/invalid/${name}`);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    noStackTrace(r.stdout + r.stderr);
  });

  it('refuses a file over 5 MB before reading it as JSON', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kap-')), 'huge.json');
    writeFileSync(file, '{"title": "' + 'x'.repeat(6 * 1024 * 1024) + '"}');
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error FILE_TOO_LARGE');
    noStackTrace(r.stdout + r.stderr);
  });

  it('exits 2 on an unreadable file, even next to valid ones', async () => {
    const r = await run('validate', valid, 'no/such/file.json', ...audio);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/file.json: cannot read: no such file');
    noStackTrace(r.stderr);
  });

  it.each([
    [[]],
    [['validate']],
    [['validate', '--frob', valid]],
    [['frobnicate']],
    [['analyze', valid, valid]],
  ])('exits 2 on the usage error %j', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: kap-scenario');
  });
});

describe('kap-scenario analyze and graph', { timeout: 30_000 }, () => {
  it('summarises a scenario', async () => {
    const r = await run('analyze', valid, ...audio);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/preparation\s+2 steps,\s+2 reachable, 4 distinct paths/);
    expect(r.stdout).toContain('int-allow');
  });

  it('prints the analysis as JSON', async () => {
    const r = await run('analyze', valid, '--json', ...audio);
    expect(JSON.parse(r.stdout).scores.overall).toEqual({ min: -4, max: 22 });
  });

  it('refuses to analyze or graph a scenario with errors', async () => {
    for (const command of ['analyze', 'graph']) {
      const r = await run(command, `${fixtures}/invalid/graph-errors.json`, ...audio);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('DEAD_END');
      expect(r.stdout).toBe('');
    }
  });

  it('prints a Mermaid flowchart', async () => {
    const r = await run('graph', valid, ...audio);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart TD\n')).toBe(true);
  });

  it('prints help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate <files');
  });
});
