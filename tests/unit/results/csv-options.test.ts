/**
 * Results CSVs: each option's text stands beside its id (as the scenario words it), and the
 * `verified` column never calls an unfinished attempt a verified result.
 */
import { describe, expect, it } from 'vitest';
import { cohortAttempt, cohortCsv } from '../../../src/engine/cohort/index.ts';
import { parseCsv, unguard } from '../../../src/engine/results/csv.ts';
import {
  exportCsv,
  parseDecisionCsv,
  type ExportedAttempt,
} from '../../../src/engine/results/export.ts';
import { verifyAttempt } from '../../../src/engine/results/verify.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const file = shippedScenarioFiles().find((f) => f.endsWith('trd-sublingual-first-session.json'))!;
const scenario = loadScenarioFile(file);
const run = playHeadless(scenario, { seed: 7, mode: 'assessment', strategy: 'random' });
const finished: ExportedAttempt = {
  attempt: run.attempt,
  report: run.report,
  comments: [],
  finishedAt: '2026-03-01T09:30:00.000Z',
  scenarioVersion: scenario.version,
  verified: true,
};
/** The same attempt left part-way: its first few choices, then "Leave session". */
const firstChoices = run.attempt.events.findIndex(
  (e, i) =>
    i > 0 && run.attempt.events.slice(0, i).filter((x) => x.type === 'trainee.choose').length === 3,
);
const leftAttempt = {
  ...run.attempt,
  events: [...run.attempt.events.slice(0, firstChoices), { type: 'session.leave' as const }],
};
const leftVerification = verifyAttempt(scenario, leftAttempt);
if (!leftVerification.verified) throw new Error(leftVerification.reason);
const left: ExportedAttempt = {
  ...finished,
  attempt: leftAttempt,
  report: leftVerification.report,
};

/** Every option of the scenario by id, with its text, read from the file's structure. */
const optionText = new Map(
  scenario.phases
    .flatMap((p) => p.steps.flatMap((s) => s.options))
    .concat(scenario.events.flatMap((e) => e.respond?.options ?? []))
    .map((o) => [o.id, o.text]),
);

describe('option text beside option ids', () => {
  it('each step decision carries the chosen and best options’ text next to their ids', () => {
    const table = parseCsv(exportCsv([finished]));
    const header = table[0]!;
    expect(header.indexOf('option_chosen_text')).toBe(header.indexOf('option_chosen') + 1);
    expect(header.indexOf('best_option_text')).toBe(header.indexOf('best_option') + 1);
    const col = (row: string[], name: string) => unguard(row[header.indexOf(name)]!);
    const steps = table.slice(1).filter((r) => col(r, 'kind') === 'step');
    expect(steps.length).toBeGreaterThan(2);
    for (const row of steps) {
      const chosen = optionText.get(col(row, 'option_chosen'));
      expect(typeof chosen === 'string' ? chosen : JSON.stringify(chosen)).toBeTruthy();
      if (typeof chosen === 'string') expect(col(row, 'option_chosen_text')).toBe(chosen);
      const best = optionText.get(col(row, 'best_option'));
      if (typeof best === 'string') expect(col(row, 'best_option_text')).toBe(best);
    }
  });

  it('reads back, and a CSV without the text columns still reads', () => {
    const csv = exportCsv([finished]);
    const parsed = parseDecisionCsv(csv);
    expect(parsed.ok).toBe(true);
    const lines = csv.split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toContain('option_chosen_text');
  });
});

describe('the verified column of an unfinished attempt', () => {
  it('the left attempt replays to "left", not to a debrief', () => {
    expect(left.report.status).toBe('left');
    expect(finished.report.status).toBe('debrief');
  });

  it('the decision CSV marks its rows unfinished, a finished attempt’s rows "yes"', () => {
    const parsed = parseDecisionCsv(exportCsv([finished, left]));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const byAttempt = (id: string) => parsed.rows.filter((r) => r.attempt === id);
    const [fin, unf] = [parsed.rows[0]!.attempt, parsed.rows.at(-1)!.attempt];
    expect(fin).not.toBe(unf);
    expect(new Set(byAttempt(fin).map((r) => r.verified))).toEqual(new Set(['yes']));
    expect(byAttempt(unf).length).toBeGreaterThan(0);
    for (const r of byAttempt(unf))
      expect(r.verified).toMatch(/^Unfinished — left before the debrief/);
  });

  it('the cohort CSV gives an unfinished attempt no verdict or score, and says it is unfinished', () => {
    const a = cohortAttempt(left, 'Ada', 'ada.json', scenario);
    const b = cohortAttempt(finished, 'Ben', 'ben.json', scenario);
    const table = parseCsv(
      cohortCsv([], [a, b], { scenarios: false, attempts: true, names: 'names' }, (n) => n),
    );
    const header = table[0]!;
    const row = (who: string) => table.find((r) => r[header.indexOf('trainee')] === who)!;
    const cell = (who: string, name: string) => row(who)[header.indexOf(name)];
    expect(cell('Ada', 'verified')).toMatch(/^Unfinished — left/);
    expect(cell('Ada', 'passed')).toBe('');
    expect(cell('Ada', 'overall_percent')).toBe('');
    expect(cell('Ben', 'verified')).toBe('yes');
    expect(cell('Ben', 'overall_percent')).toBe(String(run.report.overall));
  });
});
