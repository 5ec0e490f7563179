/**
 * The scenario library's "last result" per scenario: the newest attempt finished on this device
 * (imported ones are someone else's), with its result replayed from its log, so an edited record
 * cannot change what the library shows.
 */
import { percentText } from '../engine/index.ts';
import { readHistory } from './history.ts';
import { recordAllSaves } from './record.ts';
import { verifyRecord } from './verify-client.ts';

export type LastResult =
  | {
      verified: true;
      passed: boolean;
      overall: number;
      /** The overall score as every results screen writes it (see percentText). */
      overallText: string;
      mode: 'practice' | 'assessment';
    }
  | { verified: false; reason: string; mode: 'practice' | 'assessment' };

/** Last results by scenario id (a scenario with no finished attempt is absent). */
export async function lastResults(): Promise<Map<string, LastResult>> {
  // A finished attempt whose recording a quick reload interrupted is recorded first.
  await recordAllSaves();
  const { records } = await readHistory();
  const newest = new Map<string, (typeof records)[number]>();
  for (const r of records)
    // newest first
    if (!r.imported && !newest.has(r.attempt.scenarioId)) newest.set(r.attempt.scenarioId, r);
  const results = new Map<string, LastResult>();
  for (const [scenarioId, record] of newest) {
    const v = await verifyRecord(record);
    const mode = record.attempt.mode;
    results.set(
      scenarioId,
      v.verified
        ? {
            verified: true,
            passed: v.report.passed,
            overall: v.report.overall,
            overallText: percentText(v.report.overall),
            mode,
          }
        : { verified: false, reason: v.reason, mode },
    );
  }
  return results;
}
