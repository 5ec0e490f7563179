/** `analyze <file> [--json]` */
import { readFile } from 'node:fs/promises';
import { analyze, type Analysis } from '../../engine/index.ts';
import { analyzeDecisions, type DecisionAnalysis } from '../../engine/index.ts';
import { countLines, type LineCount } from '../../engine/index.ts';
import { loadScenario, singleFile, type Io } from '../io.ts';
import { clean } from '../output.ts';

export async function analyzeCommand(argv: string[], io: Io): Promise<number> {
  const { file, flags, audioDir } = singleFile('analyze', argv, ['--json']);
  const scenario = await loadScenario(file, io, audioDir);
  if (typeof scenario === 'number') return scenario;
  const report = analyze(scenario);
  const decisions = analyzeDecisions(scenario);
  const length = countLines(await readFile(file, 'utf8'), scenario);
  if (flags.has('--json')) io.out(JSON.stringify({ ...report, ...decisions, length }, null, 2));
  else
    for (const line of [...describe(report), ...describeDecisions(decisions, length)])
      io.out(clean(line));
  return 0;
}

/** More than half of the choice sets: a cue a trainee can learn instead of the content. */
const most = (n: number, of: number) => of > 0 && n * 2 > of;

function describeDecisions(d: DecisionAnalysis, length: LineCount): string[] {
  const lines = ['', 'Steps only weaker options lead to (the best path never meets them):'];
  if (d.weakerOnlySteps.length === 0) lines.push('  none');
  for (const s of d.weakerOnlySteps)
    lines.push(`  ${s.phase} ${s.stepId}, reached by ${list(s.reachedBy)}`);
  const c = d.cues;
  lines.push('', `Cues (${c.choiceSets} choice sets with a single best option):`);
  lines.push(
    `  ${most(c.bestFirst, c.choiceSets) ? 'warning: ' : ''}best option written first in ${c.bestFirst} of ${c.choiceSets}`,
  );
  lines.push(
    `  ${most(c.bestLongest, c.choiceSets) ? 'warning: ' : ''}best option the longest in ${c.bestLongest} of ${c.choiceSets}`,
  );
  lines.push(
    '',
    `Spoken options the patient does not react to (no patient line follows): ${d.spokenWithoutReaction.length === 0 ? 'none' : `${d.spokenWithoutReaction.length}: ${list(d.spokenWithoutReaction)}`}`,
  );
  const st = d.standards;
  lines.push('', 'Standards breached:');
  if (!st.cited) lines.push('  no option cites standards');
  else {
    lines.push(`  on the best path:  ${list(st.bestPath)}`);
    lines.push(`  on the worst path: ${list(st.worstPath)}`);
    for (const [id, by] of Object.entries(st.breachedBy)) lines.push(`  ${id}: ${list(by)}`);
  }
  lines.push(
    '',
    `Length: ${length.lines} lines, ${length.steps} steps, ${length.linesPerStep} lines per step as written`,
    `  ${length.linesPerStepWrittenOut} with every implied kind and next written out (${length.leftOut} left out now)`,
    `  ${length.linesPerStepImplied} with all of them left out (${length.removable} lines fewer: \`tidy --write\`)`,
  );
  return lines;
}

function describe(a: Analysis): string[] {
  const lines = [`Scenario ${a.scenarioId}: ${a.totalSteps} steps`, '', 'Phases:'];
  for (const p of a.phases) {
    const paths = p.pathsCapped ? `>= ${p.paths.toExponential(0)}` : String(p.paths);
    lines.push(
      `  ${p.id.padEnd(20)} ${`${p.steps} step${p.steps === 1 ? '' : 's'},`.padEnd(13)} ${p.reachableSteps} reachable, ${paths} distinct path${p.paths === 1 ? '' : 's'}${p.reachable ? '' : ' (phase cannot be entered)'}`,
    );
    if (p.unreachableSteps.length > 0) lines.push(`    unreachable: ${list(p.unreachableSteps)}`);
  }
  lines.push(
    '',
    'Achievable points (loop-free paths, events as if they fire, monitoring checks on time):',
  );
  for (const [id, r] of Object.entries(a.scores.perCompetency))
    lines.push(`  ${id.padEnd(20)} min ${r.min}, max ${r.max}`);
  lines.push(`  ${'overall'.padEnd(20)} min ${a.scores.overall.min}, max ${a.scores.overall.max}`);
  lines.push(
    '',
    a.criticalErrors.length === 0
      ? 'Reachable critical errors: none'
      : 'Reachable critical errors:',
  );
  for (const c of a.criticalErrors) lines.push(`  ${c.id} (${c.path}): ${c.explanation}`);
  lines.push('', 'Unused content:');
  const u = a.unused;
  lines.push(`  references never cited: ${list(u.references)}`);
  lines.push(`  variables never read:   ${list(u.variablesNeverRead)}`);
  lines.push(`  variables never set:    ${list(u.variablesNeverWritten)}`);
  lines.push(`  audio never played:     ${list(u.audio)}`);
  lines.push(`  endings never reached:  ${list(u.endings)}`);
  return lines;
}

const list = (ids: string[]) =>
  ids.length === 0
    ? 'none'
    : ids.length > 20
      ? `${ids.slice(0, 20).join(', ')} … (${ids.length} in all)`
      : ids.join(', ');
