/**
 * The SCORM 1.2 runtime: finds the LMS's `API` object in the chain of parent windows (and the
 * opener's), and reports lesson status, score, session time and resume data through it.
 */
import { cmiTimespan } from '../engine/index.ts';

export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string | number;
}

function apiIn(win: Window | null): Scorm12Api | null {
  let current = win;
  for (let depth = 0; current && depth < 10; depth++) {
    try {
      const api = (current as unknown as { API?: Scorm12Api }).API;
      if (api && typeof api.LMSInitialize === 'function') return api;
    } catch {
      // A cross-origin parent: no API there.
    }
    if (current.parent === current) break;
    current = current.parent;
  }
  return null;
}

/** The LMS API, or null when the simulator is not running inside an LMS. */
export function findScormApi(): Scorm12Api | null {
  if (window.parent === window && !window.opener) return null;
  return (
    apiIn(window.parent === window ? null : window.parent) ?? apiIn(window.opener as Window | null)
  );
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (see the engine's cmiTimespan). */
export const scormTime = cmiTimespan;

export class ScormSession {
  readonly api: Scorm12Api;
  #started = performance.now();
  #finished = false;
  #status: string;

  constructor(api: Scorm12Api) {
    this.api = api;
    api.LMSInitialize('');
    this.#status = api.LMSGetValue('cmi.core.lesson_status');
    if (this.#status === 'not attempted' || this.#status === '') {
      api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
      this.#status = 'incomplete';
    }
  }

  get suspendData(): string {
    return this.api.LMSGetValue('cmi.suspend_data') ?? '';
  }

  get finished(): boolean {
    return this.#finished;
  }

  /** Stores resume data (the caller keeps it within 4,096 characters) and commits. */
  saveProgress(data: string): void {
    if (this.#finished) return;
    this.api.LMSSetValue('cmi.suspend_data', data);
    if (this.#status === 'incomplete') this.api.LMSSetValue('cmi.core.exit', 'suspend');
    this.api.LMSCommit('');
  }

  /** Asks the LMS to store what it was given so far (e.g. when the page may be put away). */
  commit(): void {
    if (!this.#finished) this.api.LMSCommit('');
  }

  /** Reports a finished attempt: passed or failed, and the score out of 100. */
  reportResult(passed: boolean, overall: number): void {
    if (this.#finished) return;
    const raw = Math.round(Math.min(100, Math.max(0, overall)) * 100) / 100;
    this.api.LMSSetValue('cmi.core.score.min', '0');
    this.api.LMSSetValue('cmi.core.score.max', '100');
    this.api.LMSSetValue('cmi.core.score.raw', String(raw));
    this.#status = passed ? 'passed' : 'failed';
    this.api.LMSSetValue('cmi.core.lesson_status', this.#status);
    this.api.LMSSetValue('cmi.core.exit', '');
    this.api.LMSCommit('');
  }

  /** Ends the LMS session: records the time spent and finishes. Safe to call more than once. */
  finish(): void {
    if (this.#finished) return;
    this.api.LMSSetValue('cmi.core.session_time', scormTime(performance.now() - this.#started));
    this.api.LMSCommit('');
    this.api.LMSFinish('');
    this.#finished = true;
  }
}
