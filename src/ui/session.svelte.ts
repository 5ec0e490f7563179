/**
 * The one adapter between the player and the session engine. It holds the actor; `view` is the
 * engine's SessionView of the latest snapshot. Components read `session.view` and call
 * `session.send(...)`; they never touch the actor, the log or the scoring themselves.
 */
import { useSelector } from '@xstate/svelte';
import { createActor, type Actor } from 'xstate';
import type { ScenarioV1 } from '../engine/index.ts';
import type { CarriedState, SessionEvent } from '../engine/index.ts';
import {
  attemptFromContext,
  eventsBeforeDecision,
  hostEffects,
  scoreContext,
  serializeAttempt,
  sessionMachine,
  viewSession,
  replayFromCheckpoint,
  withCheckpoint,
  type Attempt,
  type Checkpoint,
  type Report,
  type SessionContext,
  type SessionSnapshot,
  type SessionView,
} from './engine-bridge.ts';
import { clearAttempt, reportLeft, saveAttemptText, saveLastResult } from './storage.ts';
import { sound } from './sound.svelte.ts';

export interface SessionOptions {
  scenario: ScenarioV1;
  seed: number;
  mode: 'practice' | 'assessment';
  /** Events to replay first (a branched attempt); they play no sound. */
  events?: SessionEvent[];
  /**
   * A saved attempt to resume: restored from its checkpoint when the checkpoint holds (replaying
   * only the events after it), else by replaying its whole log. Plays no sound.
   */
  attempt?: Attempt;
  /** `attempt` already restored (the loader restores it to see whether it is finished). */
  restored?: SessionSnapshot;
  /** Whether to save the attempt after every event (off for a read-only debrief view). */
  persist?: boolean;
  /** In a course: what the earlier visits carried into this one (kept with the attempt). */
  carried?: CarriedState;
  /**
   * Where the attempt is kept (a course keeps its visits in its own save); by default the
   * scenario's saved attempt, which leaving forgets.
   */
  store?: AttemptStore;
}

/** Where a session keeps its attempt's save text. */
export interface AttemptStore {
  save(text: string): void;
  clear(): void;
}

export class Session {
  readonly scenario: ScenarioV1;
  readonly seed: number;
  readonly mode: 'practice' | 'assessment';
  view = $state.raw<SessionView>(undefined as unknown as SessionView);

  #actor: Actor<typeof sessionMachine>;
  #replaying = false;
  #persist: boolean;
  #store: AttemptStore;
  #report: Report | null = null;
  /** The checkpoint saved beside the log (kept between refreshes; see withCheckpoint). */
  #checkpoint: Checkpoint | undefined;
  /** The context of the last snapshot seen: what changed since is played and saved (hostEffects). */
  #seen: SessionContext | null = null;

  constructor(options: SessionOptions) {
    this.scenario = options.scenario;
    this.seed = options.seed;
    this.mode = options.mode;
    this.#persist = options.persist ?? true;
    const id = options.scenario.id;
    this.#store = options.store ?? {
      save: (text) => saveAttemptText(id, text),
      clear: () => clearAttempt(id),
    };
    const clips = options.scenario.media?.audio ?? [];
    const input = {
      scenario: options.scenario,
      seed: options.seed,
      mode: options.mode,
      ...(options.carried ? { carried: options.carried } : {}),
    };
    this.#checkpoint = options.attempt?.checkpoint;
    const restored = options.attempt
      ? (options.restored ?? replayFromCheckpoint(options.scenario, options.attempt))
      : undefined;
    this.#actor = createActor(sessionMachine, {
      input,
      ...(restored
        ? {
            snapshot: {
              status: restored.status,
              value: restored.value,
              context: restored.context,
              historyValue: restored.historyValue,
              children: {},
              output: restored.output,
              error: restored.error,
            } as never,
          }
        : {}),
    });
    // Sounds and saves follow the snapshots (a checkpoint needs the snapshot the event produced).
    this.#actor.subscribe((snapshot) => {
      const effects = hostEffects(this.#seen, snapshot.context);
      this.#seen = snapshot.context;
      if (this.#replaying) return;
      for (const cue of effects.cues)
        sound.cue(
          cue,
          clips.find((a) => a.id === cue),
        );
      if (effects.save && this.#persist) this.#save(attemptFromContext(snapshot.context), snapshot);
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

  /**
   * Saves the attempt after every event, with a checkpoint beside the log (refreshed every few
   * events by the engine's withCheckpoint) so that resuming replays only the events after it.
   */
  #save(attempt: Attempt, snapshot: SessionSnapshot): void {
    const saved = withCheckpoint(attempt, snapshot, this.#checkpoint);
    this.#checkpoint = saved.checkpoint;
    this.#store.save(serializeAttempt(saved));
  }

  /** After a snapshot: leaving forgets the attempt; finishing records the last result. */
  #afterChange(previous: SessionView['status'] | undefined): void {
    const status = this.view.status;
    if (status === 'left' && previous !== 'left') {
      reportLeft(this.attempt()); // kept in the attempt history as "left"
      this.#store.clear();
    }
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
    if (this.#persist) this.#save(this.attempt(), this.#actor.getSnapshot());
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
