/** A tiny signal: an attempt reached its debrief and was recorded (SCORM listens to report it). */
import type { Report } from '../engine/index.ts';

type Listener = (finished: { scenarioId: string; report: Report }) => void;
const listeners = new Set<Listener>();

export function onFinished(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitFinished(scenarioId: string, report: Report): void {
  for (const l of listeners) l({ scenarioId, report });
}
