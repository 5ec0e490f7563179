/**
 * What the diagnostics worker does with the texts it is sent, independent of the kind of worker
 * (a browser Worker in the workspace, a worker thread in the benchmark).
 *
 * For each text: stage 1 (the validator's diagnostics) is posted back at once; stage 2 (the
 * analysis and the map) runs in a later task, and only if no newer text has arrived meanwhile.
 * So typing gets its diagnostics after one validation, and the whole-graph work runs in the
 * pauses between keystrokes, never in front of the next keystroke's diagnostics.
 *
 * Messages in: `{ seq, text }`. Out, per text: `{ seq, stage: 'diagnostics', result }`, then
 * `{ seq, stage: 'details', details }` (unless superseded); `{ seq, error }` when a check throws.
 */
import { detail, diagnose, forWorker, type Details, type WorkerCheck } from './check.ts';

export interface CheckRequest {
  seq: number;
  text: string;
}

export type CheckReply =
  | { seq: number; stage: 'diagnostics'; result: Omit<WorkerCheck, 'analysis' | 'map'> }
  | { seq: number; stage: 'details'; details: Details }
  | { seq: number; error: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Returns the handler for incoming requests. `post` sends a reply; `later` runs a function in a
 * later task (setTimeout by default), after messages that have already arrived.
 */
export function checkWorker(
  post: (reply: CheckReply) => void,
  later: (run: () => void) => void = (run) => setTimeout(run, 0),
): (request: CheckRequest) => void {
  /** The newest diagnosed text whose details are still to be made. */
  let waiting: { seq: number; text: string; diagnosed: ReturnType<typeof diagnose> } | null = null;

  const details = () => {
    const job = waiting;
    waiting = null;
    if (!job) return;
    try {
      post({ seq: job.seq, stage: 'details', details: detail(job.text, job.diagnosed) });
    } catch {
      // The diagnostics stand; the panel and the map simply stay as they were.
      post({ seq: job.seq, stage: 'details', details: {} });
    }
  };

  return ({ seq, text }) => {
    waiting = null;
    let diagnosed: ReturnType<typeof diagnose>;
    try {
      diagnosed = diagnose(text);
    } catch (e) {
      post({ seq, error: message(e) });
      return;
    }
    post({ seq, stage: 'diagnostics', result: forWorker(diagnosed) });
    waiting = { seq, text, diagnosed };
    later(details);
  };
}
