/**
 * Checks scenario texts in the diagnostics worker (see check-worker-core.ts). Only the newest
 * text matters: while the worker is validating, later texts replace each other and only the last
 * is sent, so a fast typist never builds a queue. Each text's diagnostics arrive first, its
 * analysis and map after (and not at all when a newer text overtook them). Where workers are
 * unavailable the check runs on the page, in the same two stages.
 */
import type { Details } from './check.ts';
import type { CheckReply, CheckRequest } from './check-worker-core.ts';
import CheckWorker from './check.worker.ts?worker';

export type DiagnosticsReply = Extract<CheckReply, { stage: 'diagnostics' }>['result'];

export interface CheckHandlers {
  /** The diagnostics of `text` (the newest text sent). */
  ondiagnostics: (result: DiagnosticsReply, text: string) => void;
  /** The analysis and map of the text whose diagnostics came last. */
  ondetails: (details: Details) => void;
  onerror: (message: string) => void;
}

export class Checker {
  #worker: Worker | null = null;
  #seq = 0;
  #busy = false;
  #pending: CheckRequest | null = null;
  #texts = new Map<number, string>();
  #handlers: CheckHandlers;
  #local: ((request: CheckRequest) => void) | null = null;

  constructor(handlers: CheckHandlers) {
    this.#handlers = handlers;
    try {
      this.#worker = new CheckWorker();
      this.#worker.onmessage = (e: MessageEvent<CheckReply>) => this.#reply(e.data);
      this.#worker.onerror = () => {
        this.#worker = null;
        this.#busy = false;
        this.#flush();
      };
    } catch {
      this.#worker = null;
    }
  }

  /** Checks `text`; returns its sequence number (results of older texts are dropped). */
  check(text: string): number {
    const seq = ++this.#seq;
    this.#pending = { seq, text };
    this.#texts.clear();
    this.#texts.set(seq, text);
    this.#flush();
    return seq;
  }

  #flush(): void {
    if (this.#busy || !this.#pending) return;
    const job = this.#pending;
    this.#pending = null;
    this.#busy = true;
    if (this.#worker) {
      this.#worker.postMessage(job);
      return;
    }
    if (this.#local) {
      this.#local(job);
      return;
    }
    void import('./check-worker-core.ts').then(({ checkWorker }) => {
      this.#local = checkWorker((reply) => this.#reply(reply));
      this.#local(job);
    });
  }

  #reply(reply: CheckReply): void {
    const current = reply.seq === this.#seq;
    if ('stage' in reply && reply.stage === 'details') {
      if (current) this.#handlers.ondetails(reply.details);
      return;
    }
    this.#busy = false;
    if (current) {
      if ('result' in reply)
        this.#handlers.ondiagnostics(reply.result, this.#texts.get(reply.seq) ?? '');
      else this.#handlers.onerror(reply.error);
    }
    this.#flush();
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
