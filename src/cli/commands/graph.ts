/** `graph <file>`: prints a Mermaid flowchart. */
import { toMermaid } from '../../engine/index.ts';
import { loadScenario, singleFile, type Io } from '../io.ts';

export async function graphCommand(argv: string[], io: Io): Promise<number> {
  const { file, audioDir } = singleFile('graph', argv, []);
  const scenario = await loadScenario(file, io, audioDir);
  if (typeof scenario === 'number') return scenario;
  io.out(toMermaid(scenario).trimEnd());
  return 0;
}
