/**
 * The host-side session clock. The engine has no timers: this ticker sends `clock.advance`
 * at the chosen speed (simulated minutes per real second) while the session runs, on either side
 * of the dose: before it, up to the engine's pre-dose limit (time to rest and recheck), after it, to
 * the end of the session. It holds while the trainee reads practice feedback or a refusal, so no scoring window closes
 * during reading. Faster than the default speed it also holds when something new asks for an answer
 * (a step with a deadline, an event, an alarm: clock-attention.ts); at the default speed it runs on,
 * the time pressure being part of the exercise.
 */
import type { Session } from './session.svelte.ts';
import type { SessionView } from './engine-bridge.ts';
import { demandsOf, newDemand, type Demands } from './clock-attention.ts';

/** Simulated minutes per real second. */
export const SPEEDS = [0.25, 1, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];
/**
 * One simulated minute every 4 seconds: a patient line and its choices (60–120 words, about 20–40
 * seconds at an ordinary reading pace) cost 5–10 simulated minutes, inside the shortest scheduled
 * check windows of the bundled scenarios. Feedback and refusals hold the clock altogether.
 */
export const DEFAULT_SPEED: Speed = 0.25;
const KEY = 'kap.clock';

/** How a speed is described on screen, e.g. "1 simulated minute every 4 seconds". */
export function speedLabel(speed: Speed): string {
  return speed < 1
    ? `1 simulated minute every ${1 / speed} seconds`
    : `${speed} simulated minute${speed === 1 ? '' : 's'} per second`;
}

/**
 * What holds the clock: feedback or a refusal the trainee is reading, or (faster than the default
 * speed) something new that needs an answer.
 */
export type Hold = 'feedback' | 'refusal' | 'attention' | null;

function storedClock(): { speed: Speed; running: boolean } {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as {
      speed?: number;
      running?: boolean;
    };
    const speed = SPEEDS.find((s) => s === value.speed) ?? DEFAULT_SPEED;
    return { speed, running: value.running !== false };
  } catch {
    return { speed: DEFAULT_SPEED, running: true };
  }
}

/** The speed a new session starts at (remembered from the last choice, else the default). */
export const storedSpeed = (): Speed => storedClock().speed;

/** Remembers `speed` as the default for the next session (the display settings use it). */
export function saveSpeed(speed: Speed): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...storedClock(), speed }));
  } catch {
    // Not remembered; the clock still works.
  }
}

/**
 * Whether simulated time can move now: the session runs, is not paused, and the clock is below the
 * engine's limit (the pre-dose limit before the dose, the end of the session after it).
 */
export function canMoveClock(view: SessionView): boolean {
  return view.status === 'running' && !view.paused && view.clock.sinceArrival < view.clock.limit;
}

export class Ticker {
  speed = $state<Speed>(storedClock().speed);
  running = $state(storedClock().running);
  /** Set while feedback or a refusal is being read; time does not pass until it is released. */
  hold = $state<Hold>(null);
  #timer: ReturnType<typeof setInterval> | null = null;
  #timerSpeed = 0;
  #session: Session;
  /** The demands last seen, to notice a new one. */
  #seen: Demands;

  constructor(session: Session) {
    this.#session = session;
    this.#seen = demandsOf(session.view);
  }

  /**
   * Looks at the view: when something new asks for an answer while the clock runs faster than the
   * default speed, the clock holds ('attention') until the trainee answers or runs it again.
   */
  #notice(): void {
    const view = this.#session.view;
    const now = demandsOf(view);
    const fresh = newDemand(this.#seen, now);
    this.#seen = now;
    if (fresh && this.running && !this.hold && this.speed > DEFAULT_SPEED && canMoveClock(view))
      this.hold = 'attention';
  }

  /** Whether time is passing now (running, not held, session not paused or ended, below the clock's limit). */
  get active(): boolean {
    return this.running && !this.hold && canMoveClock(this.#session.view);
  }

  /** Holds the clock while `what` is on screen (null releases it). */
  setHold(what: Hold): void {
    this.hold = what;
    this.sync();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.#remember();
    this.sync();
  }

  toggle(): void {
    if (this.hold) return this.setHold(null); // "run" after reading releases the hold
    this.running = !this.running;
    this.#remember();
    this.sync();
  }

  /** Moves the clock on by one simulated minute. */
  advanceMinute(): void {
    if (!canMoveClock(this.#session.view)) return;
    this.hold = null; // moving time on by hand ends the reading
    this.#session.send({ type: 'clock.advance', minutes: 1 });
  }

  /**
   * Moves the clock straight to the next minute something happens, on either side of the dose.
   * The engine predicts that minute exactly (timed and threshold events, steps, checks, a recheck,
   * new alarms, the last minute before an open response's deadline), so nothing that needs the
   * trainee is skipped.
   */
  advanceToNext(): void {
    const { minutesToNextEvent } = this.#session.view;
    if (minutesToNextEvent === null) return;
    this.hold = null;
    this.#session.send({ type: 'clock.advance', minutes: minutesToNextEvent });
  }

  /** Starts or stops the interval to match `active`; call whenever the view changes. */
  sync(): void {
    this.#notice();
    const want = this.active;
    if (this.#timer && (!want || this.#timerSpeed !== this.speed)) this.stop();
    if (want && !this.#timer) {
      this.#timerSpeed = this.speed;
      this.#timer = setInterval(() => this.#tick(), 1000 / this.speed);
    }
  }

  #tick(): void {
    if (!this.active) return this.stop();
    this.#session.send({ type: 'clock.advance', minutes: 1 });
    this.#notice();
    // At the clock's limit (the pre-dose limit or the end of the session) the interval stops.
    if (!this.active) this.stop();
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
