/**
 * `migrate <file> [--out <file>]`: rewrites a scenario in the current format. The file is read as
 * every host reads it (migrated on load, then validated); when it has no errors, the migration's
 * changes are written back (or to --out) as minimal text edits, so formatting, key order and
 * every untouched line stay as they were. A file already in the current format is left as it is.
 * With --out, a `$schema` that points at the project's scenarios/scenario.schema.json is rewritten
 * relative to the new file, so editors still find the schema.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  applyChanges,
  changesBetween,
  FORMAT_VERSION,
  migrate,
  parseScenarioText,
  validate,
} from '../../engine/index.ts';
import { readScenarioFile } from '../files.ts';
import { takeOption, UsageError, type Io } from '../io.ts';
import { clean, formatDiagnostic, plural } from '../output.ts';

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  const out = takeOption(args, '--out');
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`migrate: unknown option ${unknown}`);
  if (args.length !== 1) throw new UsageError('migrate: give exactly one scenario file');
  const file = args[0]!;
  const read = await readScenarioFile(file);
  if (read.kind === 'unreadable') {
    io.err(`${clean(file)}: cannot read: ${read.reason}`);
    return 2;
  }
  if (read.kind === 'refused') {
    io.err(formatDiagnostic(file, read.diagnostic));
    return 1;
  }
  const result = validate(read.text);
  if (!result.scenario) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(file, d));
    io.err(`${plural(errors.length, 'error')}: nothing written; fix them and migrate again.`);
    return 1;
  }
  const migrated = result.diagnostics.some((d) => d.code === 'FORMAT_MIGRATED');
  const target = out ?? file;
  if (!migrated && out === undefined) {
    io.out(`${clean(file)}: already in format ${FORMAT_VERSION}; nothing to do.`);
    return 0;
  }
  // The raw document (not the validated one, whose implied values are filled in) is migrated,
  // and only what the migration changed is edited in the text.
  const parsed = parseScenarioText(read.text);
  const raw = parsed.ok ? parsed.value : {};
  const lifted = migrate(raw);
  const doc = lifted.ok ? withSchemaFrom(lifted.doc, file, target) : raw;
  const text = lifted.ok ? applyChanges(parsed.text, changesBetween(raw, doc)) : parsed.text;
  await writeFile(target, text, 'utf8');
  io.out(`${clean(target)}: written in format ${FORMAT_VERSION}.`);
  return 0;
}

const SCHEMA_FILE = path.join('scenarios', 'scenario.schema.json');

/**
 * `doc` with its `$schema` (a path relative to `from`) made relative to `to` when it points at
 * scenarios/scenario.schema.json; otherwise `doc` unchanged.
 */
function withSchemaFrom(doc: unknown, from: string, to: string): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  if (path.resolve(path.dirname(from)) === path.resolve(path.dirname(to))) return doc;
  const schema = (doc as { $schema?: unknown }).$schema;
  if (typeof schema !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(schema)) return doc;
  const absolute = path.resolve(path.dirname(from), schema);
  if (!absolute.endsWith(path.sep + SCHEMA_FILE)) return doc;
  const relative = path
    .relative(path.dirname(path.resolve(to)), absolute)
    .split(path.sep)
    .join('/');
  return relative === schema ? doc : { ...doc, $schema: relative };
}
