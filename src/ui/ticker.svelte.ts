/**
 * The host-side session clock. The engine has no timers: this ticker sends `clock.advance`
 * at the chosen speed (simulated minutes per real second) while the session runs after dosing.
 */
import type { Session } from './session.svelte.ts';

export const SPEEDS = [1, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];
const KEY = 'kap.clock';

function storedClock(): { speed: Speed; running: boolean } {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as {
      speed?: number;
      running?: boolean;
    };
    const speed = SPEEDS.find((s) => s === value.speed) ?? 1;
    return { speed, running: value.running !== false };
  } catch {
    return { speed: 1, running: true };
  }
}

export class Ticker {
  speed = $state<Speed>(storedClock().speed);
  running = $state(storedClock().running);
  #timer: ReturnType<typeof setInterval> | null = null;
  #timerSpeed = 0;
  #session: Session;

  constructor(session: Session) {
    this.#session = session;
  }

  /** Whether time is passing now (running, after dosing, session not paused or ended). */
  get active(): boolean {
    const v = this.#session.view;
    return this.running && v.status === 'running' && v.dosed && !v.paused;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.#remember();
    this.sync();
  }

  toggle(): void {
    this.running = !this.running;
    this.#remember();
    this.sync();
  }

  /** Moves the clock on by one simulated minute. */
  advanceMinute(): void {
    if (this.#session.view.minute === null) return;
    this.#session.send({ type: 'clock.advance', minutes: 1 });
  }

  /**
   * Moves the clock straight to the next minute something happens. The engine predicts that
   * minute exactly (timed and threshold events, steps, checks, new alarms), so nothing that needs
   * the trainee is skipped.
   */
  advanceToNext(): void {
    const { minute, nextEventMinute } = this.#session.view;
    if (minute === null || nextEventMinute === null) return;
    this.#session.send({ type: 'clock.advance', minutes: nextEventMinute - minute });
  }

  /** Starts or stops the interval to match `active`; call whenever the view changes. */
  sync(): void {
    const want = this.active;
    if (this.#timer && (!want || this.#timerSpeed !== this.speed)) this.stop();
    if (want && !this.#timer) {
      this.#timerSpeed = this.speed;
      this.#timer = setInterval(() => this.#tick(), 1000 / this.speed);
    }
  }

  #tick(): void {
    if (!this.active) return this.stop();
    const before = this.#session.view.minute;
    this.#session.send({ type: 'clock.advance', minutes: 1 });
    if (this.#session.view.minute === before) this.stop(); // the clock has reached its end
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #remember(): void {
    try {
      localStorage.setItem(KEY, JSON.stringify({ speed: this.speed, running: this.running }));
    } catch {
      // Not remembered; the clock still works.
    }
  }
}
