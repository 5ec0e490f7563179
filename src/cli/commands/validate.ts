/** `validate <files or globs…> [--json] [--audio-dir <dir>]` (scenario and course files) */
import { validate, type Diagnostic } from '../../engine/index.ts';
import { compareDiagnostics } from '../../engine/index.ts';
import { SourcePositions, idFileNameFinding } from '../../engine/index.ts';
import { expandArguments, listAudioFiles, readScenarioFile } from '../files.ts';
import { checkCourseFile, isCourseFile } from './validate-course.ts';
import { clean, formatDiagnostic, plural } from '../output.ts';
import { defaultAudioDir, type Io, UsageError, takeOption } from '../io.ts';

interface FileReport {
  file: string;
  /** The scenario id, when the file is a valid scenario. */
  id?: string;
  /** Where the id is in the file. */
  idAt?: { line: number; column: number };
  /** Set when the file could not be read at all. */
  unreadable?: string;
  diagnostics: Diagnostic[];
}

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  const json = takeFlag(args, '--json');
  const audioDir = takeOption(args, '--audio-dir') ?? defaultAudioDir();
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`validate: unknown option ${unknown}`);
  if (args.length === 0)
    throw new UsageError('validate: give at least one file, directory or glob');
  const { files, unmatched } = await expandArguments(args);
  const knownAudioFiles = await listAudioFiles(audioDir);
  const reports: FileReport[] = unmatched.map((arg) => ({
    file: arg,
    unreadable: 'no file matches',
    diagnostics: [],
  }));
  for (const file of files) reports.push(await checkFile(file, knownAudioFiles));
  checkIds(reports);

  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const unreadable = reports.filter((r) => r.unreadable !== undefined).length;
  if (json) {
    const files = reports.map(({ idAt: _idAt, ...r }) => r);
    io.out(JSON.stringify({ files, errors, warnings, unreadable }, null, 2));
  } else {
    for (const r of reports) {
      if (r.unreadable !== undefined) io.err(`${clean(r.file)}: cannot read: ${r.unreadable}`);
      for (const d of r.diagnostics) io.out(formatDiagnostic(r.file, d));
    }
    const checked = reports.length - unreadable;
    io.out(
      `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(checked, 'file')}` +
        (unreadable > 0 ? `; ${unreadable} could not be read` : '') +
        '.',
    );
  }
  return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
}

async function checkFile(file: string, knownAudioFiles: string[]): Promise<FileReport> {
  const read = await readScenarioFile(file);
  if (read.kind === 'unreadable') return { file, unreadable: read.reason, diagnostics: [] };
  if (read.kind === 'refused') return { file, diagnostics: [read.diagnostic] };
  if (isCourseFile(file, read.text))
    return { file, diagnostics: await checkCourseFile(file, read.text, knownAudioFiles) };
  const result = validate(read.text, { knownAudioFiles });
  if (!result.scenario) return { file, diagnostics: result.diagnostics };
  const positions = new SourcePositions(read.text);
  const idAt = positions.lineColumn(positions.offsetsOf(['/id']).get('/id') ?? 0);
  return { file, id: result.scenario.id, idAt, diagnostics: result.diagnostics };
}

/**
 * Checks across files: a scenario id used by two files (attempts and results are stored under
 * the id, so they would be mixed up), and an id that differs from its file's name.
 */
function checkIds(reports: FileReport[]): void {
  const firstFile = new Map<string, string>();
  for (const r of reports) {
    if (r.id === undefined || r.idAt === undefined) continue;
    const at = { path: '/id', ...r.idAt };
    const first = firstFile.get(r.id);
    if (first !== undefined) {
      r.diagnostics.push({
        severity: 'error',
        code: 'SCENARIO_ID_DUPLICATE',
        ...at,
        message: `The scenario id "${r.id}" is also the id of ${first}.`,
        hint: 'Give each scenario its own id, the same as its file name; attempts and results are stored under it.',
      });
    } else firstFile.set(r.id, r.file);
    const finding = idFileNameFinding(r.id, r.file);
    if (finding) r.diagnostics.push({ ...finding, ...at });
    r.diagnostics.sort(compareDiagnostics);
  }
}

function takeFlag(args: string[], flag: string): boolean {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}
