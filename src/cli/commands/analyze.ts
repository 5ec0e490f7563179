/** `analyze <file> [--json]` */
import { readFile } from 'node:fs/promises';
import {
  analyze,
  gatingOf,
  GATE_TITLES,
  notScoredText,
  RANGES_APART,
  UNUSED_TERMS,
  wrapWords,
  type Analysis,
  type GateId,
  type Scores,
} from '../../engine/index.ts';
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
    const breached = Object.entries(st.breachedBy);
    if (breached.length > 0) lines.push('  breached by (standard: the options that breach it):');
    for (const [id, by] of breached) lines.push(`    ${id}: ${list(by)}`);
  }
  lines.push(
    '',
    `Length: ${length.lines} lines, ${length.steps} steps, ${length.linesPerStep} lines per step as written`,
    `  ${length.linesPerStepWrittenOut} with every implied kind and next written out (${length.leftOut} left out now)`,
    `  ${length.linesPerStepImplied} with all of them left out (${length.removable} lines fewer: \`tidy --write\`)`,
  );
  return lines;
}

/** How gates are counted, said once above the figures that depend on them. */
const GATE_NOTE = [
  'A gated choice is one the session may refuse, depending on the play (a reading, a fact): a',
  'refused choice changes nothing and records nothing. Figures count each as if its gate opens;',
  '"without a gated choice" counts only what no gate can refuse.',
];

const count = (n: number, capped: boolean) => (capped ? `>= ${n.toExponential(0)}` : String(n));

function describe(a: Analysis): string[] {
  const lines = [
    `Scenario ${a.scenarioId}: ${a.totalSteps} steps`,
    '',
    ...GATE_NOTE,
    '',
    'Phases:',
  ];
  for (const p of a.phases) {
    const paths = count(p.paths, p.pathsCapped);
    const free = count(p.pathsWithoutGates, p.pathsWithoutGatesCapped);
    const entered = !p.reachable
      ? ' (phase cannot be entered)'
      : p.reachableWithoutGates
        ? ''
        : ' (entered only through a gated choice)';
    lines.push(
      `  ${p.id.padEnd(20)} ${`${p.steps} step${p.steps === 1 ? '' : 's'},`.padEnd(13)} ${p.reachableSteps} reachable, ${paths} distinct path${p.paths === 1 ? '' : 's'}, ${free} without a gated choice${entered}`,
    );
    if (p.unreachableSteps.length > 0) lines.push(`    unreachable: ${list(p.unreachableSteps)}`);
    if (p.stepsOnlyThroughGates.length > 0)
      lines.push(`    reached only through a gated choice: ${list(p.stepsOnlyThroughGates)}`);
  }
  lines.push('', 'Gated choices:');
  const gated = Object.entries(a.gatedChoices) as [GateId, string[]][];
  if (gated.length === 0) lines.push('  none');
  for (const [gate, ids] of gated)
    lines.push(`  ${GATE_TITLES[gate].name} (${GATE_TITLES[gate].holds}): ${list(ids)}`);
  const range = (title: string, s: Scores, withoutGates: boolean) => {
    lines.push('', title);
    for (const [id, r] of Object.entries(s.perCompetency))
      lines.push(
        `  ${id.padEnd(20)} ${s.notScored.includes(id) ? notScoredText(withoutGates) : `min ${r.min}, max ${r.max}`}`,
      );
    lines.push(`  ${'overall'.padEnd(20)} min ${s.overall.min}, max ${s.overall.max}`);
  };
  range(
    'Achievable points (loop-free paths, events as if they fire, monitoring checks on time, gated choices as if their gates open):',
    a.scores,
    false,
  );
  if (a.scoresWithoutGates)
    range(
      'Without a gated choice (no dose: events and checks on the dose clock left out):',
      a.scoresWithoutGates,
      true,
    );
  else lines.push('', 'Without a gated choice: no path reaches an ending.');
  lines.push('', ...wrapWords(RANGES_APART, 96));
  lines.push(
    '',
    a.criticalErrors.length === 0
      ? 'Reachable critical errors: none'
      : 'Reachable critical errors (marked: recorded only if a gate opens):',
  );
  for (const c of a.criticalErrors) {
    const gating = gatingOf(c);
    const mark = gating ? ` [${gating}]` : '';
    lines.push(`  ${c.id} (${c.path}): ${c.explanation}${mark}`);
  }
  lines.push('', 'Unused content:');
  const u = a.unused;
  for (const [key, term] of Object.entries(UNUSED_TERMS))
    lines.push(`  ${`${term}:`.padEnd(25)} ${list(u[key as keyof typeof UNUSED_TERMS])}`);
  return lines;
}

const list = (ids: string[]) =>
  ids.length === 0
    ? 'none'
    : ids.length > 20
      ? `${ids.slice(0, 20).join(', ')} … (${ids.length} in all)`
      : ids.join(', ');
