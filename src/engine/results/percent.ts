/**
 * How an overall score is written wherever a result is shown (debrief, library, history): the
 * percentage as scored (scoring keeps one decimal place), so "46.6%" or "100%". Never rounded
 * to a whole number, so a score just under a whole-number pass mark is never shown as reaching it.
 */
export function percentText(overall: number): string {
  return `${Math.round(overall * 10) / 10}%`;
}
