/**
 * What an attempt's result is shown as, everywhere a result is shown or exported (library,
 * history, progress, print summary, cohort view, CSV and JSON exports). Only an attempt that
 * reached its debrief has a verdict and a score; one the trainee left (`session.leave`) or whose
 * log stops before the debrief has neither, whatever numbers its report carries
 * (docs/session-rules.md, docs/results.md).
 */
import type { CompetencyResult, Report } from '../scoring/score.ts';
import { percentText } from './percent.ts';

/**
 * `scored`: the verdict and overall percentage (0–100); `left`: ended by the trainee before the
 * debrief, not scored; `unfinished`: the log stops before the debrief, no result.
 */
export type AttemptResult =
  { kind: 'scored'; passed: boolean; overall: number } | { kind: 'left' } | { kind: 'unfinished' };

/** The result of an attempt from its (replayed or recorded) report's status, verdict and score. */
export function attemptResult(
  report: Pick<Report, 'status' | 'passed' | 'overall'>,
): AttemptResult {
  if (report.status === 'debrief')
    return { kind: 'scored', passed: report.passed, overall: report.overall };
  return report.status === 'left' ? { kind: 'left' } : { kind: 'unfinished' };
}

/** The verdict and score of a scored attempt, else null (left or unfinished: none anywhere). */
export function scoredResult(
  report: Pick<Report, 'status' | 'passed' | 'overall'>,
): { passed: boolean; overall: number } | null {
  const r = attemptResult(report);
  return r.kind === 'scored' ? { passed: r.passed, overall: r.overall } : null;
}

/**
 * The result in words, lower case: "passed, 96.5%", "not passed, 4.3%", "left before the debrief
 * (not scored)" or "unfinished (no result)".
 */
export function attemptResultText(report: Pick<Report, 'status' | 'passed' | 'overall'>): string {
  const r = attemptResult(report);
  if (r.kind === 'left') return 'left before the debrief (not scored)';
  if (r.kind === 'unfinished') return 'unfinished (no result)';
  return `${r.passed ? 'passed' : 'not passed'}, ${percentText(r.overall)}`;
}

/**
 * A competency's score and whether it met its pass mark, in words, as the debrief and the printed
 * attempt summary write them: `score` "82.5%" or "not scored" (no decision met gave it a spread,
 * `percent` null); `met` "Met", "Below the pass mark", or "—" when not scored (neither met nor
 * missed).
 */
export function competencyResultText(c: Pick<CompetencyResult, 'percent' | 'passed'>): {
  score: string;
  met: string;
} {
  if (c.percent === null) return { score: 'not scored', met: '—' };
  return { score: `${c.percent}%`, met: c.passed ? 'Met' : 'Below the pass mark' };
}
