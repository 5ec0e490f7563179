/**
 * Checks scenario texts in the diagnostics worker. Only the newest text matters: while the
 * worker is busy, later texts replace each other and only the last is sent, so a fast typist
 * never builds a queue. Where workers are unavailable the check runs on the page.
 */
import type { WorkerCheck } from './check.ts';
import CheckWorker from './check.worker.ts?worker';

type Reply = { seq: number; result?: WorkerCheck; error?: string };

export class Checker {
  #worker: Worker | null = null;
  #seq = 0;
  #busy = false;
  #pending: { seq: number; text: string } | null = null;
  #onresult: (result: WorkerCheck, text: string) => void;
  #texts = new Map<number, string>();
  #onerror: (message: string) => void;

  constructor(
    onresult: (result: WorkerCheck, text: string) => void,
    onerror: (message: string) => void,
  ) {
    this.#onresult = onresult;
    this.#onerror = onerror;
    try {
      this.#worker = new CheckWorker();
      this.#worker.onmessage = (e: MessageEvent<Reply>) => this.#reply(e.data);
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
    void import('./check.ts').then(({ checkForWorker }) => {
      let reply: Reply;
      try {
        reply = { seq: job.seq, result: checkForWorker(job.text) };
      } catch (e) {
        reply = { seq: job.seq, error: e instanceof Error ? e.message : String(e) };
      }
      this.#reply(reply);
    });
  }

  #reply(reply: Reply): void {
    this.#busy = false;
    if (reply.seq === this.#seq) {
      if (reply.result) this.#onresult(reply.result, this.#texts.get(reply.seq) ?? '');
      else this.#onerror(reply.error ?? 'The check failed.');
    }
    this.#flush();
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
