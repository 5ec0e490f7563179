/**
 * `tidy <files, directories or globs…> [--write]`: removes the values the format implies (an
 * option's `kind` its `action` implies, or `"response"` on an option without an action; a step option's `next` naming the following step in its
 * phase) from each scenario file, with minimal text edits. Without --write it prints what it
 * would remove. A file with errors, or in an older format, is left as it is (exit 1). Before a
 * file is written the tidied text is validated again and must give the same scenario; otherwise
 * nothing is written (exit 3). Course files (*.course.json) and schemas (*.schema.json) are skipped.
 */
import { writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { FORMAT_VERSION, tidy, validate, type ImpliedValue } from '../../engine/index.ts';
import { expandArguments, readScenarioFile } from '../files.ts';
import { UsageError, type Io } from '../io.ts';
import { clean, formatDiagnostic, plural } from '../output.ts';

const describeValue = (v: ImpliedValue) =>
  v.key === 'kind'
    ? `kind "${v.value}" (implied by ${v.value === 'action' ? 'its action' : 'having no action'})`
    : `next "${v.value}" (the following step in its phase)`;

const lineCount = (text: string) => text.split('\n').length;

export async function tidyCommand(argv: string[], io: Io): Promise<number> {
  const args = argv.filter((a) => a !== '--write');
  const write = args.length !== argv.length;
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`tidy: unknown option ${unknown}`);
  if (args.length === 0) throw new UsageError('tidy: give at least one file, directory or glob');
  const { files, unmatched } = await expandArguments(args);
  let code = 0;
  for (const arg of unmatched) {
    io.err(`${clean(arg)}: cannot read: no file matches`);
    code = 2;
  }
  let total = 0;
  for (const file of files.filter((f) => !/\.(course|schema)\.json$/.test(f))) {
    const result = await tidyFile(file, write, io);
    if ('code' in result) code = Math.max(code, result.code);
    else total += result.removed;
  }
  if (files.length > 1)
    io.out(`${plural(total, 'implied value')} ${write ? 'removed' : 'to remove'} in all.`);
  return code;
}

/** Tidies one file; returns how many values it removed (or would remove), or an exit code. */
async function tidyFile(
  file: string,
  write: boolean,
  io: Io,
): Promise<{ removed: number } | { code: number }> {
  const read = await readScenarioFile(file);
  if (read.kind === 'unreadable') {
    io.err(`${clean(file)}: cannot read: ${read.reason}`);
    return { code: 2 };
  }
  if (read.kind === 'refused') {
    io.err(formatDiagnostic(file, read.diagnostic));
    return { code: 1 };
  }
  const before = validate(read.text);
  if (!before.scenario) {
    const errors = before.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(file, d));
    io.err(
      `${clean(file)}: ${plural(errors.length, 'error')}: left as it is; fix ${errors.length === 1 ? 'it' : 'them'} first.`,
    );
    return { code: 1 };
  }
  if (before.diagnostics.some((d) => d.code === 'FORMAT_MIGRATED')) {
    io.err(
      `${clean(file)}: in an older format; left as it is. Run \`migrate\` first (format ${FORMAT_VERSION}).`,
    );
    return { code: 1 };
  }
  const { text, removed } = tidy(read.text);
  const after = validate(text);
  if (!isDeepStrictEqual(after.scenario, before.scenario)) {
    io.err(
      `kap-scenario: internal error: ${clean(file)} would read differently after tidying; nothing written.`,
    );
    return { code: 3 };
  }
  const fewer = lineCount(read.text) - lineCount(text);
  if (removed.length === 0) {
    io.out(`${clean(file)}: no implied values written out; nothing to do.`);
    return { removed: 0 };
  }
  if (write) {
    await writeFile(file, text, 'utf8');
    io.out(
      `${clean(file)}: removed ${plural(removed.length, 'implied value')} (${plural(fewer, 'line')} fewer).`,
    );
  } else {
    for (const v of removed) io.out(`${clean(file)}:${v.line}:${v.column} ${describeValue(v)}`);
    io.out(
      `${clean(file)}: ${plural(removed.length, 'implied value')} to remove (${plural(fewer, 'line')} fewer); --write removes them.`,
    );
  }
  return { removed: removed.length };
}
