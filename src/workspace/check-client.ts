/**
 * Checks scenario texts in two check workers: one for the diagnostics, one for the analysis and
 * the map (see check-scheduler.ts for which text goes where). Where workers are unavailable the
 * checks run on the page, in the same order.
 */
import { CheckScheduler, type CheckHandlers, type Send } from './check-scheduler.ts';
import type { CheckReply, CheckRequest } from './check-worker-core.ts';

export type { CheckHandlers, DiagnosticsReply } from './check-scheduler.ts';

export class Checker {
  #workers: Worker[] = [];
  #scheduler: CheckScheduler;

  constructor(handlers: CheckHandlers) {
    const reply = (r: CheckReply) => this.#scheduler.reply(r);
    // Without workers (or when one fails to start), the check runs on the page after the
    // current task. Its reply is copied, as a worker's message is: the checks keep their
    // documents for the next text, so the page must not share them.
    const onPage: Send = (request: CheckRequest) => {
      void import('./check-worker-core.ts').then(({ answer }) =>
        setTimeout(() => reply(structuredClone(answer(request))), 0),
      );
    };
    const send = (): Send => {
      let worker: Worker;
      try {
        // A module worker from the app's own file, which the page's CSP (script-src 'self')
        // allows in the development server and the build alike; no blob: or data: URL.
        worker = new Worker(new URL('./check.worker.ts', import.meta.url), {
          type: 'module',
          name: 'scenario check',
        });
      } catch {
        return onPage;
      }
      let last: CheckRequest | null = null;
      let failed = false;
      worker.onmessage = (e: MessageEvent<CheckReply>) => reply(e.data);
      worker.onerror = () => {
        failed = true;
        if (last) onPage(last);
      };
      this.#workers.push(worker);
      return (request) => {
        last = request;
        if (failed) onPage(request);
        else worker.postMessage(request);
      };
    };
    this.#scheduler = new CheckScheduler(send(), send(), handlers);
  }

  /** Checks `text`; returns its sequence number (results of older texts are dropped). */
  check(text: string): number {
    return this.#scheduler.check(text);
  }

  get busy(): boolean {
    return this.#scheduler.busy;
  }

  stop(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }
}
