/**
 * The scenario library's "last result" per scenario: the newest attempt finished on this device
 * (imported ones are someone else's), with its result replayed from its log, so an edited record
 * cannot change what the library shows. An attempt left before its debrief has no result (see
 * attemptResult): it is shown as left, with no verdict or score.
 */
import { attemptResult, percentText } from '../engine/index.ts';
import { savedAttemptIds } from '../ui/storage.ts';
import { readHistory } from './history.ts';
import { recordFromSave } from './record.ts';
import { verifyRecord } from './verify-client.ts';

type Mode = 'practice' | 'assessment';

export type LastResult =
  | {
      verified: true;
      /** `scored` (with verdict and score), or `left` / `unfinished` (neither). */
      kind: 'scored';
      passed: boolean;
      overall: number;
      /** The overall score as every results screen writes it (see percentText). */
      overallText: string;
      mode: Mode;
    }
  | { verified: true; kind: 'left' | 'unfinished'; mode: Mode }
  | { verified: false; reason: string; mode: Mode };

export interface LastResults {
  /** Last results by scenario id (a scenario with no attempt in the history is absent). */
  byScenario: Map<string, LastResult>;
  /** Scenarios whose attempt saved on this device has reached its debrief (nothing to resume). */
  finishedSaves: Set<string>;
}

/** The last results, and which saved attempts are finished ones. */
export async function lastResults(): Promise<LastResults> {
  // A finished attempt whose recording a quick reload interrupted is recorded first.
  const finishedSaves = new Set<string>();
  for (const id of savedAttemptIds())
    if (await recordFromSave(id).catch(() => null)) finishedSaves.add(id);
  const { records } = await readHistory();
  const newest = new Map<string, (typeof records)[number]>();
  for (const r of records)
    // newest first
    if (!r.imported && !newest.has(r.attempt.scenarioId)) newest.set(r.attempt.scenarioId, r);
  const byScenario = new Map<string, LastResult>();
  for (const [scenarioId, record] of newest) {
    const v = await verifyRecord(record);
    const mode = record.attempt.mode;
    if (!v.verified) {
      byScenario.set(scenarioId, { verified: false, reason: v.reason, mode });
      continue;
    }
    const r = attemptResult(v.report);
    byScenario.set(
      scenarioId,
      r.kind === 'scored'
        ? { verified: true, ...r, overallText: percentText(r.overall), mode }
        : { verified: true, kind: r.kind, mode },
    );
  }
  return { byScenario, finishedSaves };
}
