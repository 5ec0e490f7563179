/**
 * The one adapter between the player and the session engine. It holds the actor; `view` is the
 * engine's SessionView of the latest snapshot. Components read `session.view` and call
 * `session.send(...)`; they never touch the actor, the log or the scoring themselves.
 */
import { useSelector } from '@xstate/svelte';
import { createActor, type Actor } from 'xstate';
import type { ScenarioV1 } from '../engine/index.ts';
import type { SessionEvent } from '../engine/index.ts';
import {
  attemptFromContext,
  eventsBeforeDecision,
  scoreContext,
  serializeAttempt,
  sessionMachine,
  viewSession,
  type Attempt,
  type Report,
  type SessionView,
} from './engine-bridge.ts';
import { clearAttempt, saveAttemptText, saveLastResult } from './storage.ts';
import { sound } from './sound.svelte.ts';

export interface SessionOptions {
  scenario: ScenarioV1;
  seed: number;
  mode: 'practice' | 'assessment';
  /** Events to replay first (a restored or branched attempt); they play no sound. */
  events?: SessionEvent[];
  /** Whether to save the attempt after every event (off for a read-only debrief view). */
  persist?: boolean;
}

export class Session {
  readonly scenario: ScenarioV1;
  readonly seed: number;
  readonly mode: 'practice' | 'assessment';
  view = $state.raw<SessionView>(undefined as unknown as SessionView);

  #actor: Actor<typeof sessionMachine>;
  #replaying = false;
  #persist: boolean;
  #report: Report | null = null;

  constructor(options: SessionOptions) {
    this.scenario = options.scenario;
    this.seed = options.seed;
    this.mode = options.mode;
    this.#persist = options.persist ?? true;
    const clips = options.scenario.media?.audio ?? [];
    const machine = sessionMachine.provide({
      actions: {
        playCue: (_, params) => {
          if (this.#replaying) return;
          sound.cue(
            params.cue,
            clips.find((a) => a.id === params.cue),
          );
        },
        persistAttempt: (_, params) => {
          if (!this.#replaying && this.#persist) this.#save(params.attempt);
        },
      },
    });
    this.#actor = createActor(machine, {
      input: { scenario: options.scenario, seed: options.seed, mode: options.mode },
    });
    this.#actor.start();
    this.#replaying = true;
    for (const event of options.events ?? []) this.#actor.send(event);
    this.#replaying = false;
    // @xstate/svelte's selector store turns snapshots into views; `view` mirrors it as runes state.
    useSelector(this.#actor, viewSession).subscribe((view) => {
      const previous = this.view?.status;
      this.view = view;
      this.#report = null;
      if (this.#persist && previous !== undefined) this.#afterChange(previous);
    });
  }

  send(event: SessionEvent): void {
    this.#actor.send(event);
  }

  /** Saves the attempt after every event; a finished attempt also records the last result. */
  #save(attempt: Attempt): void {
    saveAttemptText(this.scenario.id, serializeAttempt(attempt));
  }

  /** After a snapshot: leaving forgets the attempt; finishing records the last result. */
  #afterChange(previous: SessionView['status'] | undefined): void {
    const status = this.view.status;
    if (status === 'left') clearAttempt(this.scenario.id);
    if (status === 'debrief' && previous !== 'debrief') {
      const report = this.report();
      saveLastResult(this.scenario.id, {
        passed: report.passed,
        overall: report.overall,
        mode: this.mode,
        ending: this.view.ending?.id ?? null,
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
        finishedAt: new Date().toISOString(),
      });
    }
  }

  /** Saves the attempt as it stands (e.g. a branch replayed from a debrief). */
  saveNow(): void {
    if (this.#persist) this.#save(this.attempt());
  }

  /**
   * The events before the one that produced decision `index` of the report (its last occurrence,
   * if a practice retry replaced it): a practice attempt branched from there meets it again.
   */
  eventsBeforeDecision(index: number): SessionEvent[] {
    return eventsBeforeDecision(this.scenario, this.attempt(), index);
  }

  /** The attempt so far, in its save form. */
  attempt(): Attempt {
    return attemptFromContext(this.#actor.getSnapshot().context);
  }

  /** The scored report of the attempt so far (computed by the engine, cached per event). */
  report(): Report {
    this.#report ??= scoreContext(this.#actor.getSnapshot().context);
    return this.#report;
  }

  stop(): void {
    this.#actor.stop();
  }
}
