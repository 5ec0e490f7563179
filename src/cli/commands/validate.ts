/** `validate <files or globs…> [--json] [--audio-dir <dir>]` */
import { validate, type Diagnostic } from '../../engine/index.ts';
import { expandArguments, listAudioFiles, readScenarioFile } from '../files.ts';
import { clean, formatDiagnostic, plural } from '../output.ts';
import { defaultAudioDir, type Io, UsageError, takeOption } from '../io.ts';

interface FileReport {
  file: string;
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

  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const unreadable = reports.filter((r) => r.unreadable !== undefined).length;
  if (json) {
    io.out(JSON.stringify({ files: reports, errors, warnings, unreadable }, null, 2));
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
  return { file, diagnostics: validate(read.text, { knownAudioFiles }).diagnostics };
}

function takeFlag(args: string[], flag: string): boolean {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}
