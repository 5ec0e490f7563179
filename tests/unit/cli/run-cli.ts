/** Runs the `run` command in process, collecting its output lines and its exit code. */
import { runCommand } from '../../../src/cli/commands/run.ts';

export async function runCli(
  args: string[],
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(args, {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}
