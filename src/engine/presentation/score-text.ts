/**
 * A competency's result in words, for the reports that show points beside the score (the
 * workspace's preview and strategy runs): the points earned "x of y points", y being the best
 * possible at the decisions met, then the score exactly as the debrief shows it. The score counts
 * from the lowest possible points at those decisions (CompetencyResult.percent), so it is not
 * x ÷ y when that lowest is not 0; the text then names the lowest, so the two never seem to
 * disagree. Reads the engine's Report only; computes no score.
 */
import type { CompetencyResult } from '../scoring/score.ts';
import { percentText } from '../results/percent.ts';

const signed = (n: number) => (n < 0 ? `−${Math.abs(n)}` : String(n));

/** "12 of 13 points" (or "1 of 1 point"); negative numbers with a minus sign. */
export function pointsOfText(c: Pick<CompetencyResult, 'earned' | 'possible'>): string {
  return `${signed(c.earned)} of ${signed(c.possible)} point${Math.abs(c.possible) === 1 ? '' : 's'}`;
}

/**
 * "2 of 4 points, lowest possible −4: score 75% (pass mark 70%)"; "3 of 3 points: score 100%
 * (pass mark 70%)"; "0 of 0 points: not scored yet" when the decisions met leave no spread.
 */
export function competencyScoreText(c: CompetencyResult): string {
  const points = pointsOfText(c);
  if (c.percent === null) return `${points}: not scored yet`;
  const lowest = c.worst !== 0 ? `, lowest possible ${signed(c.worst)}` : '';
  return `${points}${lowest}: score ${percentText(c.percent)} (pass mark ${c.passPercent}%)`;
}
