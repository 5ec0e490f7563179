import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  hashScenario,
  parseAttempt,
  restoreAttempt,
  serializeAttempt,
} from '../../../src/engine/attempt/index.ts';
import { canonicalJson, fingerprint } from '../../../src/engine/format/hash.ts';
import { attemptFromContext } from '../../../src/engine/session/machine.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { initialSnapshot, step, type ReplayLog } from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import { loadFixture } from '../session/fixtures.ts';

describe('hashScenario', () => {
  it('depends on content, not on key order', () => {
    const scenario = loadFixture();
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(scenario).reverse())),
    );
    expect(hashScenario(reordered)).toBe(hashScenario(scenario));
    const changed = loadFixture();
    changed.phases[0]!.steps[0]!.text = 'Something else.';
    expect(hashScenario(changed)).not.toBe(hashScenario(scenario));
    expect(hashScenario(scenario)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is FNV-1a in two lanes over the canonical JSON, so the fingerprints saves hold still match', () => {
    // The fingerprint is computed without building the text; this is the text-based definition.
    const fnv1a = (text: string, basis: number) => {
      let h = basis >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    };
    const byText = (value: unknown) => {
      const text = canonicalJson(value);
      return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
    };
    const scenario = loadFixture();
    expect(hashScenario(scenario)).toBe(byText(scenario));
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
        expect(fingerprint(json)).toBe(byText(json));
        expect(fingerprint(anything)).toBe(byText(anything));
      }),
    );
    // Strings JSON escapes (quotes, backslashes, control characters, lone surrogates) or not.
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.dictionary(text, fc.array(text, { maxLength: 3 })), (value) => {
        expect(fingerprint(value)).toBe(byText(value));
      }),
    );
    const awkward = ['"', '\\', '\n', '\u0000', '\ud800', '😀', 'é', 'B', 'a', '_', '10', '9'];
    expect(fingerprint(Object.fromEntries(awkward.map((k) => [k, k])))).toBe(
      byText(Object.fromEntries(awkward.map((k) => [k, k]))),
    );
  });
});

describe('parseAttempt', () => {
  const scenario = loadFixture();
  const attempt = playHeadless(scenario, { seed: 5, mode: 'practice', strategy: 'random' }).attempt;
  const text = serializeAttempt(attempt);

  it('accepts a save of this scenario', () => {
    expect(parseAttempt(text, scenario)).toEqual({ ok: true, attempt });
  });

  it('reports corrupt text, unknown versions, other scenarios and changed scenarios', () => {
    expect(parseAttempt('{not json', scenario)).toMatchObject({ ok: false, code: 'CORRUPT' });
    expect(parseAttempt('[]', scenario)).toMatchObject({ ok: false, code: 'CORRUPT' });
    expect(parseAttempt(JSON.stringify({ ...attempt, saveVersion: 2 }), scenario)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_SAVE_VERSION',
    });
    expect(
      parseAttempt(JSON.stringify({ ...attempt, scenarioId: 'other' }), scenario),
    ).toMatchObject({ ok: false, code: 'WRONG_SCENARIO' });
    const changed = loadFixture();
    changed.protocol.sessionMinutes = 100;
    const result = parseAttempt(text, changed);
    expect(result).toMatchObject({ ok: false, code: 'SCENARIO_CHANGED' });
    expect(!result.ok && result.message).toMatch(/changed/);
    const badEvent = JSON.stringify({
      ...attempt,
      events: [...attempt.events, { type: 'trainee.choose' }],
    });
    expect(parseAttempt(badEvent, scenario)).toMatchObject({ ok: false, code: 'CORRUPT' });
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...attempt, events: v })),
        ),
        (garbage) => {
          const r = parseAttempt(garbage, scenario);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('JSON round trip after every event', () => {
  it('persist → parse → restore → continue gives the same view and report as without the round trip', () => {
    const scenario = loadFixture();
    for (const strategy of ['best', 'worst', 'random'] as const) {
      const events = playHeadless(scenario, { seed: 11, mode: 'practice', strategy }).attempt
        .events;
      let live = initialSnapshot(scenario, { seed: 11, mode: 'practice' });
      for (const event of events) {
        live = step(live, event);
        const parsed = parseAttempt(serializeAttempt(attemptFromContext(live.context)), scenario);
        if (!parsed.ok) throw new Error(parsed.message);
        const restored = restoreAttempt(scenario, parsed.attempt);
        expect(viewSession(restored.snapshot)).toEqual(viewSession(live));
        expect(restored.report).toEqual(scoreContext(live.context));
        expect(restored.snapshot.value).toEqual(live.value);
        live = restored.snapshot; // continue from the restored session
      }
      expect(viewSession(live).status).toBe('debrief');
    }
  });

  it('restores a practice session with retries exactly', () => {
    const scenario = loadFixture();
    const events = [
      { type: 'session.begin' },
      { type: 'trainee.choose', optionId: 'prep-skip-consent' },
      { type: 'trainee.retry' },
      { type: 'trainee.choose', optionId: 'prep-consent' },
    ] as const;
    let live = initialSnapshot(scenario, { seed: 1, mode: 'practice' });
    for (const e of events) live = step(live, e);
    const restored = restoreAttempt(scenario, attemptFromContext(live.context));
    expect(restored.report.decisions[0]?.retried).toEqual(['prep-skip-consent']);
    expect(viewSession(restored.snapshot)).toEqual(viewSession(live));
  });
});

describe('replay', () => {
  it('gives the same snapshot through an actor and through the pure transition function', async () => {
    const { replay } = await import('../../../src/engine/session/session.ts');
    // The same replay through the pure transition() function, one event at a time.
    const replayPure = (log: ReplayLog) => {
      let snapshot = initialSnapshot(scenario, log);
      for (const event of log.events) snapshot = step(snapshot, event);
      return snapshot;
    };
    const scenario = loadFixture();
    for (const strategy of ['best', 'worst', 'random'] as const) {
      const attempt = playHeadless(scenario, { seed: 9, mode: 'practice', strategy }).attempt;
      const a = replay(scenario, attempt);
      const b = replayPure(attempt);
      expect(a.value).toEqual(b.value);
      expect(JSON.stringify(a.context)).toBe(JSON.stringify(b.context));
    }
  });
});
