/**
 * Which text goes to which check worker, and when (see check-worker-core.ts).
 * - Diagnostics: one text at a time. While one is checked, newer texts replace each other and
 *   only the last is sent next, so a fast typist never builds a queue; each answer newer than
 *   the one shown is shown, even when the typist is already further on (it is still the closest
 *   to what they see).
 * - Analysis and map: the details worker is sent the newest diagnosed text once typing pauses
 *   (no new text for `QUIET_MS`), one text at a time. It runs beside the diagnostics worker,
 *   never in front of it, and while typing goes on it does not compete with it for the
 *   processor (which, on a busy two-core machine, slowed the diagnostics down several times).
 * Independent of how the workers are made, so the benchmark drives the same logic.
 */
import type { Details } from './check.ts';
import type { CheckReply, CheckRequest } from './check-worker-core.ts';

export type DiagnosticsReply = Extract<CheckReply, { result: unknown }>['result'];

export interface CheckHandlers {
  /** The diagnostics of `text` (sequence number `seq`), newer than any shown before. */
  ondiagnostics: (result: DiagnosticsReply, seq: number, text: string) => void;
  /** The analysis and map of text `seq`, newer than any shown before. */
  ondetails: (details: Details, seq: number) => void;
  onerror: (message: string) => void;
}

/** Sends a request to a worker. */
export type Send = (request: CheckRequest) => void;

/** How long typing must pause before the analysis and map are made (ms). */
export const QUIET_MS = 250;

/** Runs `run` after `ms` milliseconds; returns a function that cancels it. */
export type Later = (run: () => void, ms: number) => () => void;

const timer: Later = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export class CheckScheduler {
  #seq = 0;
  readonly #texts = new Map<number, string>();
  /** Sequence numbers: the text waiting for the diagnostics worker, and those in each worker. */
  #waiting: number | null = null;
  #diagnosing: number | null = null;
  #detailing: number | null = null;
  /** The newest diagnosed text whose details are not asked for yet. */
  #detailsDue: number | null = null;
  #diagnosticsShown = 0;
  #detailsShown = 0;
  readonly #diagnostics: Send;
  readonly #details: Send;
  readonly #handlers: CheckHandlers;
  readonly #later: Later;
  /** Cancels the pending wait for a pause in typing, if any. */
  #quiet: (() => void) | null = null;
  /** True from a new text until typing pauses. */
  #typing = false;

  constructor(diagnostics: Send, details: Send, handlers: CheckHandlers, later: Later = timer) {
    this.#diagnostics = diagnostics;
    this.#details = details;
    this.#handlers = handlers;
    this.#later = later;
  }

  /** Checks `text`; returns its sequence number. */
  check(text: string): number {
    const seq = ++this.#seq;
    this.#texts.set(seq, text);
    if (this.#waiting !== null) this.#texts.delete(this.#waiting);
    this.#waiting = seq;
    this.#sendWaiting();
    // Typing goes on: the analysis waits for the next pause.
    this.#quiet?.();
    this.#typing = true;
    this.#quiet = this.#later(() => {
      this.#quiet = null;
      this.#typing = false;
      this.#askDetails();
    }, QUIET_MS);
    return seq;
  }

  /** Whether any text's diagnostics, analysis or map are still to come. */
  get busy(): boolean {
    return (
      this.#waiting !== null ||
      this.#diagnosing !== null ||
      this.#detailing !== null ||
      this.#detailsDue !== null
    );
  }

  /** A reply from either worker. */
  reply(reply: CheckReply): void {
    const text = this.#texts.get(reply.seq) ?? '';
    if (reply.stage === 'details') {
      this.#detailing = null;
      const fresh = reply.seq > this.#detailsShown;
      if (fresh) this.#detailsShown = reply.seq;
      this.#askDetails();
      this.#prune();
      // A failed analysis leaves the panel and the map as they were.
      if (fresh) this.#handlers.ondetails('details' in reply ? reply.details : {}, reply.seq);
      return;
    }
    this.#diagnosing = null;
    const fresh = reply.seq > this.#diagnosticsShown;
    if (fresh) {
      this.#diagnosticsShown = reply.seq;
      if ('result' in reply) this.#detailsDue = reply.seq;
    }
    this.#sendWaiting();
    this.#askDetails();
    this.#prune();
    if (!fresh) return;
    if ('result' in reply) this.#handlers.ondiagnostics(reply.result, reply.seq, text);
    else if ('error' in reply) this.#handlers.onerror(reply.error);
  }

  #sendWaiting(): void {
    const seq = this.#waiting;
    if (seq === null || this.#diagnosing !== null) return;
    this.#waiting = null;
    this.#diagnosing = seq;
    this.#diagnostics({ seq, text: this.#texts.get(seq) ?? '', stage: 'diagnostics' });
  }

  #askDetails(): void {
    const seq = this.#detailsDue;
    if (seq === null || this.#detailing !== null || this.#waiting !== null || this.#typing) return;
    this.#detailsDue = null;
    this.#detailing = seq;
    this.#details({ seq, text: this.#texts.get(seq) ?? '', stage: 'details' });
  }

  /** Forgets the texts no worker holds and none waits for. */
  #prune(): void {
    const keep = [this.#waiting, this.#diagnosing, this.#detailing, this.#detailsDue];
    for (const seq of this.#texts.keys()) if (!keep.includes(seq)) this.#texts.delete(seq);
  }
}
