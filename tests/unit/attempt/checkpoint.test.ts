/**
 * Checkpoints beside the log: restoring from one gives exactly what replaying the whole log gives,
 * and the log stays the truth (a checkpoint that does not match the log's events is not used).
 */
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_EVERY,
  checkpointHolds,
  makeCheckpoint,
  parseAttempt,
  replayFromCheckpoint,
  restoreAttempt,
  serializeAttempt,
  withCheckpoint,
  type Attempt,
} from '../../../src/engine/attempt/index.ts';
import { createSession, replay, step } from '../../../src/engine/session/session.ts';
import { attemptFromContext } from '../../../src/engine/session/machine.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { fromColumns, isColumns, type Columns } from '../../../src/engine/attempt/columns.ts';
import { loadFixture } from '../session/fixtures.ts';

const scenario = loadFixture();

/** Plays a 1,000-event practice attempt, saving it after every event as a host does. */
function longAttempt(): Attempt {
  const actor = createSession(scenario, { seed: 3, mode: 'practice' });
  const script: SessionEvent[] = [{ type: 'session.begin' }];
  for (const id of ['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-music'])
    script.push({ type: 'trainee.choose', optionId: id });
  while (script.length < 1000) {
    script.push({ type: 'trainee.act', action: 'checkVitals' });
    script.push({
      type: 'trainee.setting',
      setting: 'lights',
      value: script.length % 4 ? 'dim' : 'bright',
    });
    if (script.length % 40 === 0) script.push({ type: 'clock.advance', minutes: 1 });
  }
  script.length = 1000;
  let saved: Attempt | undefined;
  for (const event of script) {
    actor.send(event);
    const snapshot = actor.getSnapshot();
    saved = withCheckpoint(attemptFromContext(snapshot.context), snapshot, saved?.checkpoint);
  }
  actor.stop();
  return saved!;
}

describe('restoring from a checkpoint', () => {
  const attempt = longAttempt();

  it('the save carries the latest checkpoint, taken every CHECKPOINT_EVERY events', () => {
    expect(attempt.events).toHaveLength(1000);
    expect(attempt.checkpoint?.at).toBe(1000 - (1000 % CHECKPOINT_EVERY));
    expect(checkpointHolds(attempt)).toBe(true);
  });

  it('gives the same snapshot and report as replaying the whole log', () => {
    const parsed = parseAttempt(serializeAttempt(attempt), scenario);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fast = replayFromCheckpoint(scenario, parsed.attempt);
    const full = replay(scenario, attempt);
    expect(fast.value).toEqual(full.value);
    expect(JSON.stringify(fast.context)).toBe(JSON.stringify(full.context));
    expect(restoreAttempt(scenario, parsed.attempt).report).toEqual(scoreContext(full.context));
  });

  it('a checkpoint that does not match the log is not used: the log is the truth', () => {
    const events = [...attempt.events];
    events[3] = { type: 'trainee.setting', setting: 'music', value: 'on' };
    const tampered = { ...attempt, events };
    expect(checkpointHolds(tampered)).toBe(false);
    const restored = replayFromCheckpoint(scenario, tampered);
    expect(JSON.stringify(restored.context)).toBe(
      JSON.stringify(replay(scenario, tampered).context),
    );
  });

  it('a malformed checkpoint is dropped, not trusted', () => {
    const text = serializeAttempt({ ...attempt, checkpoint: { ...attempt.checkpoint!, at: 5000 } });
    const parsed = parseAttempt(text, scenario);
    expect(parsed.ok && checkpointHolds(parsed.attempt)).toBe(false);
  });

  it('a checkpoint keeps the minute and reason of every log entry, refused ones included', () => {
    // The dose before consent is refused with its reason; the checkpoint holds the log without
    // its events (the attempt has them) and restores every entry as the replay has it.
    const events: SessionEvent[] = [
      { type: 'session.begin' },
      { type: 'trainee.choose', optionId: 'adm-give' },
      { type: 'trainee.choose', optionId: 'prep-consent' },
      { type: 'trainee.choose', optionId: 'prep-screening' },
    ];
    const full = replay(scenario, { seed: 2, mode: 'assessment', events });
    expect(full.context.log.some((entry) => !entry.accepted && !!entry.reason)).toBe(true);
    const attempt: Attempt = {
      ...attemptFromContext(full.context),
      checkpoint: makeCheckpoint(full, events)!,
    };
    const text = serializeAttempt(attempt);
    // The events are saved once, in the attempt's log, not again in the checkpoint's.
    const savedLog = (attempt.checkpoint!.context as { log: unknown }).log;
    expect(JSON.stringify(savedLog)).not.toContain('"event"');
    const parsed = parseAttempt(text, scenario);
    expect(parsed.ok && checkpointHolds(parsed.attempt)).toBe(true);
    if (!parsed.ok) return;
    const fast = replayFromCheckpoint(scenario, parsed.attempt);
    expect(JSON.stringify(fast.context)).toBe(JSON.stringify(full.context));
  });

  it('a checkpoint whose state cannot be read is not used: the whole log is replayed', () => {
    const c = attempt.checkpoint!;
    const context = { ...(c.context as object), log: { minutes: new Array(5000).fill(0) } };
    const damaged = { ...attempt, checkpoint: { ...c, context } };
    expect(checkpointHolds(damaged)).toBe(true);
    const restored = replayFromCheckpoint(scenario, damaged);
    expect(JSON.stringify(restored.context)).toBe(
      JSON.stringify(replay(scenario, attempt).context),
    );
  });

  it('a checkpoint whose lists cannot be read is not used: the whole log is replayed', () => {
    const c = attempt.checkpoint!;
    const saved = c.context as { decisions: Columns };
    const decisions = { ...saved.decisions, count: saved.decisions.count + 1 };
    const damaged = { ...attempt, checkpoint: { ...c, context: { ...saved, decisions } } };
    expect(checkpointHolds(damaged)).toBe(true);
    const restored = replayFromCheckpoint(scenario, damaged);
    expect(JSON.stringify(restored.context)).toBe(
      JSON.stringify(replay(scenario, attempt).context),
    );
  });

  it('a checkpoint naming a state the machine does not have is not used: the whole log is replayed', () => {
    const damaged = { ...attempt, checkpoint: { ...attempt.checkpoint!, value: { nowhere: 'x' } } };
    expect(checkpointHolds(damaged)).toBe(true);
    const restored = replayFromCheckpoint(scenario, damaged);
    const full = replay(scenario, attempt);
    expect(restored.value).toEqual(full.value);
    expect(JSON.stringify(restored.context)).toBe(JSON.stringify(full.context));
  });

  it('a checkpoint saved before lists were written in column form still restores exactly', () => {
    // Saves already kept by hosts hold each list as an array of records and the scored steps as
    // a record of keys; they restore from their checkpoint as they did.
    const events: SessionEvent[] = [{ type: 'session.begin' }];
    for (const id of ['prep-consent', 'prep-screening', 'adm-check', 'adm-give'])
      events.push({ type: 'trainee.choose', optionId: id });
    const full = replay(scenario, { seed: 5, mode: 'practice', events });
    const checkpoint = makeCheckpoint(full, events)!;
    const older = (context: Record<string, unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = { ...context };
      for (const [key, value] of Object.entries(context))
        if (isColumns(value)) out[key] = fromColumns(value);
      if (Array.isArray(context.scoredSteps))
        out.scoredSteps = Object.fromEntries(context.scoredSteps.map((k: string) => [k, true]));
      return out;
    };
    const context = older(checkpoint.context as Record<string, unknown>);
    const last = context.lastChoice as { before: Record<string, unknown> };
    context.lastChoice = {
      ...last,
      before: {
        ...older(last.before),
        scoredSteps: JSON.parse(JSON.stringify(full.context.lastChoice!.before.scoredSteps)),
      },
    };
    expect(JSON.stringify(context)).not.toContain('"keys"');
    const saved: Attempt = {
      ...attemptFromContext(full.context),
      checkpoint: { ...checkpoint, context },
    };
    const parsed = parseAttempt(serializeAttempt(saved), scenario);
    expect(parsed.ok && checkpointHolds(parsed.attempt)).toBe(true);
    if (!parsed.ok) return;
    const fast = replayFromCheckpoint(scenario, parsed.attempt);
    expect(JSON.stringify(fast.context)).toBe(JSON.stringify(full.context));
    const retried = step(step(fast, { type: 'trainee.retry' }), {
      type: 'trainee.choose',
      optionId: 'adm-give',
    });
    const expected = step(step(full, { type: 'trainee.retry' }), {
      type: 'trainee.choose',
      optionId: 'adm-give',
    });
    expect(JSON.stringify(retried.context)).toBe(JSON.stringify(expected.context));
  });

  it('a checkpoint taken just after a practice choice restores a retry exactly as a full replay', () => {
    const events: SessionEvent[] = [{ type: 'session.begin' }];
    for (const id of ['prep-consent', 'prep-screening', 'adm-check', 'adm-give'])
      events.push({ type: 'trainee.choose', optionId: id });
    const full = replay(scenario, { seed: 5, mode: 'practice', events });
    expect(full.context.lastChoice).not.toBeNull();
    const checkpoint = makeCheckpoint(full, events)!;
    const attempt: Attempt = { ...attemptFromContext(full.context), checkpoint };
    const parsed = parseAttempt(serializeAttempt(attempt), scenario);
    expect(parsed.ok && checkpointHolds(parsed.attempt)).toBe(true);
    if (!parsed.ok) return;
    const fast = replayFromCheckpoint(scenario, parsed.attempt);
    expect(JSON.stringify(fast.context)).toBe(JSON.stringify(full.context));
    // The retry goes back to the context before the last choice; both then play on alike.
    const next: SessionEvent[] = [
      { type: 'trainee.retry' },
      { type: 'trainee.choose', optionId: 'adm-give' },
      { type: 'trainee.choose', optionId: 'adm-music' },
    ];
    let a = fast;
    let b = full;
    for (const event of next) {
      a = step(a, event);
      b = step(b, event);
      expect(a.value).toEqual(b.value);
      expect(JSON.stringify(a.context)).toBe(JSON.stringify(b.context));
    }
    expect(a.context.retried).not.toEqual({});
  });
});
