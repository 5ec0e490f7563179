/**
 * Checkpoints: a copy of the session state saved beside the event log, so that restoring a long
 * attempt replays only the events after it. The log stays the truth: a checkpoint names how many
 * events it stands for and a fingerprint of them, and is used only when the log's first events
 * still have that fingerprint; otherwise the whole log is replayed. A checkpoint is taken every
 * CHECKPOINT_EVERY events (never while paused, whose resume target a state value cannot carry).
 */
import { createActor, type Actor } from 'xstate';
import type { ScenarioV1 } from '../format/schema.ts';
import { AppendList } from '../session/append-list.ts';
import { AppendSet } from '../session/append-set.ts';
import { indexScenario } from '../session/indexScenario.ts';
import { sessionMachine } from '../session/machine.ts';
import { inputOf, replay, type SessionSnapshot } from '../session/session.ts';
import type { LogEntry, SessionContext, SessionEvent } from '../session/types.ts';
import { own } from '../format/own.ts';
import { fromColumns, isColumns, toColumns } from './columns.ts';
import { fingerprint } from '../format/hash.ts';
import type { Attempt, Checkpoint } from './types.ts';

/** How many events apart checkpoints are taken. */
export const CHECKPOINT_EVERY = 50;

export type { Checkpoint };

/** The fingerprint of the first `at` events of a log (format/hash.ts, over `{ events }`). */
export function digestOf(events: readonly SessionEvent[], at: number): string {
  return fingerprint({ events: at === events.length ? events : events.slice(0, at) });
}

/** A checkpoint of a snapshot reached by `events` (null while paused or not running). */
export function makeCheckpoint(
  snapshot: SessionSnapshot,
  events: readonly SessionEvent[],
): Checkpoint | null {
  if (snapshot.status !== 'active' || snapshot.hasTag('paused')) return null;
  return {
    at: events.length,
    digest: digestOf(events, events.length),
    value: snapshot.value,
    context: contextJson(snapshot.context),
  };
}

const LISTS = ['history', 'decisions', 'transcript', 'log', 'doseEvents'] as const;
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Writes each list of records of a JSON context in column form (columns.ts), in place. */
function packLists(out: Record<string, unknown>): void {
  for (const key of LISTS) {
    const value = out[key];
    if (Array.isArray(value) && value.every(isRecord)) out[key] = toColumns(value);
  }
}

/** Whether the set `then` holds the first keys `now` holds, in the same order. */
function isPrefixSet(then: AppendSet, now: AppendSet): boolean {
  if (then.size > now.size) return false;
  const a = then[Symbol.iterator]();
  const b = now[Symbol.iterator]();
  for (let r = a.next(); !r.done; r = a.next()) if (r.value !== b.next().value) return false;
  return true;
}

/**
 * The context as JSON. Its long lists of records are written in column form, and the set of
 * scored steps as the list of its keys. The context before the last choice (kept for a practice
 * retry) holds older values of the same append-only lists: each that is a prefix of the current
 * list is written as `{ prefix: length }` instead of a second copy (which doubled the checkpoint).
 */
function contextJson(context: SessionContext): Record<string, unknown> {
  const lastChoice = context.lastChoice;
  const out = json({ ...context, lastChoice: null, log: null }) as Record<string, unknown>;
  out.log = compactLog(context.log);
  out.scoredSteps = [...context.scoredSteps];
  packLists(out);
  if (lastChoice) {
    const before = lastChoice.before;
    const lists: Record<string, unknown> = {};
    for (const key of LISTS) {
      const now = context[key] as AppendList<unknown>;
      const then = before[key] as AppendList<unknown>;
      const isPrefix =
        now instanceof AppendList &&
        then instanceof AppendList &&
        then.length <= now.length &&
        (then.length === 0 || then.at(then.length - 1) === now.at(then.length - 1));
      if (isPrefix) lists[key] = { prefix: then.length };
    }
    lists.scoredSteps = isPrefixSet(before.scoredSteps, context.scoredSteps)
      ? { prefix: before.scoredSteps.size }
      : [...before.scoredSteps];
    const choice = json({ ...lastChoice, before: null }) as Record<string, unknown>;
    // The lists written as prefixes are not serialised only to be replaced.
    const bare: Record<string, unknown> = { ...before };
    for (const key of Object.keys(lists)) bare[key] = null;
    const then = { ...(json(bare) as object), ...lists } as Record<string, unknown>;
    packLists(then);
    choice.before = then;
    out.lastChoice = choice;
  }
  return out;
}

/**
 * The log without its events, which the attempt beside the checkpoint already holds: the minute
 * of each entry, and the reason of each refused one by its position. (The log was most of a
 * checkpoint's size, and a restore parses all of it.)
 */
interface CompactLog {
  minutes: (number | null)[];
  refused: Record<string, string>;
}

function compactLog(log: AppendList<LogEntry>): CompactLog {
  const refused: Record<string, string> = {};
  const minutes = log.map((entry, i) => {
    if (!entry.accepted) refused[i] = entry.reason ?? '';
    return entry.minute;
  });
  return { minutes, refused };
}

/** The log entries of a compact log, the events taken from the attempt's log. */
function expandLog(compact: CompactLog, events: readonly SessionEvent[]): LogEntry[] {
  if (compact.minutes.length > events.length) throw new Error('The checkpoint outruns the log.');
  return compact.minutes.map((minute, i) => {
    const reason = own(compact.refused, String(i));
    return reason === undefined
      ? { event: events[i]!, minute, accepted: true }
      : { event: events[i]!, minute, accepted: false, reason };
  });
}

/**
 * The attempt to save after an event: the log, and a checkpoint refreshed every CHECKPOINT_EVERY
 * events (between them the previous checkpoint is kept, so a save costs the same all session).
 */
export function withCheckpoint(
  attempt: Attempt,
  snapshot: SessionSnapshot,
  previous?: Checkpoint,
): Attempt {
  const n = attempt.events.length;
  const fresh =
    n > 0 && n % CHECKPOINT_EVERY === 0 ? makeCheckpoint(snapshot, attempt.events) : null;
  const checkpoint = fresh ?? previous;
  return checkpoint ? { ...attempt, checkpoint } : attempt;
}

/** The scored steps a checkpoint holds: a list of keys, a prefix of `newer`'s, or (older saves) a record. */
function reviveSet(value: unknown, newer: AppendSet | undefined): AppendSet {
  if (Array.isArray(value)) {
    if (!value.every((k) => typeof k === 'string'))
      throw new Error('A scored step is not named by a string.');
    return AppendSet.from(value as string[]);
  }
  const n = (value as { prefix?: unknown } | undefined)?.prefix;
  if (newer && typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= newer.size) {
    const keys: string[] = [];
    for (const k of newer) {
      if (keys.length === n) break;
      keys.push(k);
    }
    return AppendSet.from(keys);
  }
  return AppendSet.from(Object.keys((value as object | undefined) ?? {}));
}

/**
 * The scored steps written as a list of keys whose first `prefix` are the retry context's: that
 * set (`head`) and this one (`all`, built on it as the session built it); undefined otherwise.
 */
function sharedPrefix(
  value: unknown,
  prefix: unknown,
): { head: AppendSet; all: AppendSet } | undefined {
  if (!Array.isArray(value) || typeof prefix !== 'number' || !Number.isInteger(prefix)) return;
  if (prefix < 0 || prefix > value.length || !value.every((k) => typeof k === 'string')) return;
  const keys = value as string[];
  const head = AppendSet.from(keys.slice(0, prefix));
  if (head.size !== prefix) return;
  let all = head;
  for (let i = prefix; i < keys.length; i++) all = all.add(keys[i]!);
  return { head, all };
}

/**
 * The session context a checkpoint holds, with its scenario index and lists rebuilt (a list
 * written as `{ prefix: n }` is the first n items of the same list of `newer`; a list in column
 * form is rebuilt record by record; `steps`, when given, are its scored steps). Throws when a list
 * cannot be read.
 */
function revive(
  scenario: ScenarioV1,
  events: readonly SessionEvent[],
  raw: Record<string, unknown>,
  newer?: Record<string, unknown>,
  steps?: AppendSet,
): SessionContext {
  const context = { ...raw, index: indexScenario(scenario) } as Record<string, unknown>;
  for (const key of LISTS) {
    const value = raw[key] as { prefix?: unknown; minutes?: unknown } | unknown[] | undefined;
    const full = newer?.[key] as AppendList<unknown> | undefined;
    const n = !Array.isArray(value) ? value?.prefix : undefined;
    context[key] =
      full && typeof n === 'number' && n <= full.length
        ? full.dropLast(full.length - n)
        : key === 'log' && !Array.isArray(value) && Array.isArray(value?.minutes)
          ? AppendList.from(expandLog(value as CompactLog, events))
          : isColumns(value)
            ? AppendList.from(fromColumns(value))
            : AppendList.from(Array.isArray(value) ? value : []);
  }
  const monitor = raw.monitor as { readings?: unknown } | undefined;
  if (monitor)
    context.monitor = {
      ...monitor,
      readings: AppendList.from(Array.isArray(monitor.readings) ? monitor.readings : []),
    };
  const last = raw.lastChoice as { before: Record<string, unknown> } | null;
  // The retry context's scored steps, when a prefix of these, are built once and extended.
  const prefix = (last?.before?.scoredSteps as { prefix?: unknown } | undefined)?.prefix;
  const shared = steps ? undefined : sharedPrefix(raw.scoredSteps, prefix);
  context.scoredSteps =
    steps ?? shared?.all ?? reviveSet(raw.scoredSteps, newer?.scoredSteps as AppendSet | undefined);
  if (last)
    context.lastChoice = {
      ...last,
      before: revive(scenario, events, last.before, context, shared?.head),
    };
  return context as unknown as SessionContext;
}

/** Whether a checkpoint may stand for the start of this attempt's log. */
export function checkpointHolds(attempt: Attempt): boolean {
  const c = attempt.checkpoint;
  return (
    !!c &&
    Number.isInteger(c.at) &&
    c.at > 0 &&
    c.at <= attempt.events.length &&
    typeof c.digest === 'string' &&
    c.digest === digestOf(attempt.events, c.at)
  );
}

/** A session actor of the machine (a started one is stopped by its caller). */
export type SessionActor = Actor<typeof sessionMachine>;

/**
 * A started session actor in the state the attempt's checkpoint holds, or null when that state
 * cannot be read (a checkpoint from before the monitor's state was kept, a damaged list, a state
 * value the machine does not have): then the log is replayed instead. It does not check the
 * checkpoint against the log; replayFromCheckpoint does that first (checkpointHolds).
 */
export function startAtCheckpoint(scenario: ScenarioV1, attempt: Attempt): SessionActor | null {
  const c = attempt.checkpoint;
  if (!c || !(c.context as { monitor?: unknown } | null)?.monitor) return null;
  try {
    const context = revive(scenario, attempt.events, c.context as Record<string, unknown>);
    const actor = createActor(sessionMachine, {
      snapshot: {
        status: 'active',
        value: c.value,
        context,
        historyValue: {},
        children: {},
        output: undefined,
        error: undefined,
      } as never,
      input: inputOf(scenario, attempt),
    });
    // A state value the machine cannot resolve leaves the actor in error (observed here, so not
    // reported as unhandled).
    const observed = actor.subscribe({ error: () => undefined });
    actor.start();
    observed.unsubscribe();
    if (actor.getSnapshot().status === 'active') return actor;
    actor.stop();
    return null;
  } catch {
    // A checkpoint whose state cannot be read is only a lost shortcut: the log is the truth.
    return null;
  }
}

/** Sends `actor` (at the attempt's checkpoint) the events after it, stops it, and returns its snapshot. */
export function replayAfterCheckpoint(actor: SessionActor, attempt: Attempt): SessionSnapshot {
  for (let i = attempt.checkpoint!.at; i < attempt.events.length; i++) {
    if (actor.getSnapshot().status !== 'active') break;
    actor.send(attempt.events[i]!);
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/**
 * The snapshot an attempt reaches: from its checkpoint when it holds and can be read (replaying
 * only the events after it), else by replaying the whole log.
 */
export function replayFromCheckpoint(scenario: ScenarioV1, attempt: Attempt): SessionSnapshot {
  const actor = checkpointHolds(attempt) ? startAtCheckpoint(scenario, attempt) : null;
  return actor ? replayAfterCheckpoint(actor, attempt) : replay(scenario, attempt);
}
