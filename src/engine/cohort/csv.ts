/**
 * The cohort view's CSV export, holding only what the instructor chose: per-scenario figures,
 * and/or one row per attempt with the trainee shown by name, by pseudonym, or not at all. Written
 * with the results CSV writer, so its formula guard applies to every cell.
 */
import { toCsv, type Cell } from '../results/csv.ts';
import { verifiedCell } from '../results/export.ts';
import { scoredResult } from '../results/result.ts';
import { claimText } from './collect.ts';
import type { CohortAttempt, ScenarioFigures } from './types.ts';

export interface CohortCsvChoice {
  scenarios: boolean;
  attempts: boolean;
  /** How attempt rows name the trainee. */
  names: 'names' | 'pseudonyms' | 'none';
}

const HEADER = [
  'row',
  'scenario',
  'scenario_title',
  'trainee',
  'attempt',
  'mode',
  'finished_at',
  'attempts',
  'passed',
  'pass_rate_percent',
  'overall_percent',
  'critical_errors',
  'standards_breached',
  'verified',
  'claimed_result',
  'left_before_debrief',
];

/**
 * The CSV: a "scenario" row per scenario (when chosen), then an "attempt" row per attempt (when
 * chosen); a scenario row's `attempts`, `passed` and pass rate count the attempts that reached
 * their debrief, and `left_before_debrief` the others. `pseudonym` maps a trainee name to its pseudonym; `title` a scenario id to its
 * title (written beside the id). Unverified attempts are listed with
 * their reason and no score; unfinished ones (that never reached their debrief) as unfinished,
 * with no verdict or score. `claimed_result` says, for an attempt whose source claimed another
 * result than its replay, "claimed passed, 96.5%; replayed not passed, 4.3%".
 */
export function cohortCsv(
  figures: readonly ScenarioFigures[],
  attempts: readonly CohortAttempt[],
  choice: CohortCsvChoice,
  pseudonym: (name: string) => string,
  title: (scenarioId: string) => string = (id) => id,
): string {
  const rows: Cell[][] = [];
  if (choice.scenarios)
    for (const f of figures)
      rows.push([
        'scenario',
        f.scenarioId,
        title(f.scenarioId),
        '',
        '',
        '',
        '',
        f.attempts,
        f.passed,
        f.passRate === null ? '' : Math.round(f.passRate * 1000) / 10,
        '',
        f.criticalErrors.map((c) => `${c.id}×${c.count}`).join(' '),
        f.breachedStandards.map((s) => `${s.id}×${s.count}`).join(' '),
        '',
        '',
        f.unfinished,
      ]);
  if (choice.attempts)
    for (const a of attempts) {
      const trainee =
        choice.names === 'names'
          ? a.trainee
          : choice.names === 'pseudonyms'
            ? pseudonym(a.trainee)
            : '';
      const result = a.verified ? scoredResult(a.report) : null;
      rows.push([
        'attempt',
        a.scenarioId,
        title(a.scenarioId),
        trainee,
        a.id,
        a.mode,
        a.finishedAt,
        '',
        result ? (result.passed ? 'yes' : 'no') : '',
        '',
        result ? result.overall : '',
        a.verified ? a.report.criticalErrors.length : '',
        a.verified
          ? [...new Set(a.report.decisions.flatMap((d) => d.standards?.breaches ?? []))].join(' ')
          : '',
        verifiedCell(a),
        claimText(a),
        '',
      ]);
    }
  return toCsv(HEADER, rows);
}
