import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import {
  SUSPEND_DATA_LIMIT,
  decodeSuspendData,
  encodeSuspendData,
  suspendDataScenario,
} from '../../../src/engine/results/suspend-data.ts';
import { restoreAttempt, type Attempt } from '../../../src/engine/attempt/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const files = shippedScenarioFiles();
const longest = [...files].sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
const scenario = loadScenarioFile(longest);

/**
 * The worst realistic log: the worst choices, the clock ticking one minute at a time (as the
 * player's ticker does), vitals checked after every tick, and the setting toggled now and then.
 */
function worstCaseAttempt(): Attempt {
  const worst = playHeadless(scenario, { seed: 99, mode: 'practice', strategy: 'worst' });
  const events: SessionEvent[] = [];
  for (const e of worst.attempt.events) {
    if (e.type === 'clock.advance') {
      for (let i = 0; i < e.minutes; i++) {
        events.push(
          { type: 'clock.advance', minutes: 1 },
          { type: 'trainee.act', action: 'checkVitals' },
        );
        if (i % 10 === 0)
          events.push({
            type: 'trainee.setting',
            setting: 'music',
            value: i % 20 === 0 ? 'on' : 'off',
          });
      }
    } else events.push(e);
  }
  events.push({ type: 'session.pause' }, { type: 'session.resume' });
  return { ...worst.attempt, seed: 0xffffffff, events };
}

describe('suspend data', () => {
  it(`keeps the worst-case log of the longest scenario under ${SUSPEND_DATA_LIMIT} characters and restores it exactly`, () => {
    const attempt = worstCaseAttempt();
    const text = encodeSuspendData(scenario, attempt);
    console.log(
      `${longest.split('/').pop()}: ${attempt.events.length} events, ${JSON.stringify(attempt).length} chars as JSON, ${text.length} compacted`,
    );
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    const back = decodeSuspendData(scenario, text);
    expect(back).toEqual({ ok: true, attempt });
    if (back.ok)
      expect(restoreAttempt(scenario, back.attempt).report).toEqual(
        restoreAttempt(scenario, attempt).report,
      );
  });

  it('round-trips every kind of event, unknown option ids included', () => {
    const events: SessionEvent[] = [
      { type: 'session.begin' },
      { type: 'trainee.choose', optionId: [...scenario.phases[0]!.steps[0]!.options][0]!.id },
      { type: 'trainee.choose', optionId: 'not.an|option*id' },
      { type: 'trainee.retry' },
      { type: 'trainee.setting', setting: 'lights', value: 'dim' },
      { type: 'trainee.setting', setting: 'eyeshades', value: 'on' },
      { type: 'clock.advance', minutes: 2.5 },
      { type: 'clock.advance', minutes: 2.5 },
      { type: 'session.leave' },
    ];
    const attempt: Attempt = {
      saveVersion: 1,
      scenarioId: scenario.id,
      scenarioHash: 'abc',
      seed: 12345,
      mode: 'assessment',
      events,
    };
    const text = encodeSuspendData(scenario, attempt);
    expect(suspendDataScenario(text)).toBe(scenario.id);
    expect(decodeSuspendData(scenario, text)).toEqual({ ok: true, attempt });
  });

  it('refuses data of another scenario, of another program, or damaged', () => {
    const attempt = playHeadless(scenario, {
      seed: 1,
      mode: 'assessment',
      strategy: 'best',
    }).attempt;
    const text = encodeSuspendData(scenario, attempt);
    const other = loadScenarioFile(files.find((f) => f !== longest)!);
    expect(decodeSuspendData(other, text)).toMatchObject({
      ok: false,
      message: expect.stringContaining(scenario.id),
    });
    expect(decodeSuspendData(scenario, 'lesson=3')).toMatchObject({ ok: false });
    expect(suspendDataScenario('lesson=3')).toBeNull();
    expect(decodeSuspendData(scenario, `${text},q7`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('unknown token'),
    });
  });

  it('keeps the longest realistic session within the limit, compacting further when needed', () => {
    // Two hours after the dose at a quarter-minute tick, vitals checked every few ticks, the
    // session paused every few minutes, and every choice retried once in practice mode.
    const worst = playHeadless(scenario, { seed: 5, mode: 'practice', strategy: 'worst' });
    const events: SessionEvent[] = [];
    for (const e of worst.attempt.events) {
      if (e.type === 'clock.advance') {
        for (let i = 0; i < e.minutes * 4; i++) {
          events.push({ type: 'clock.advance', minutes: 0.25 });
          if (i % 3 === 0) events.push({ type: 'trainee.act', action: 'checkVitals' });
          if (i % 7 === 0) events.push({ type: 'session.pause' }, { type: 'session.resume' });
        }
      } else {
        events.push(e);
        if (e.type === 'trainee.choose') events.push({ type: 'trainee.retry' }, e);
      }
    }
    for (let i = 0; i < 480; i++) {
      events.push({ type: 'clock.advance', minutes: 0.25 });
      if (i % 3 === 0) events.push({ type: 'trainee.act', action: 'checkVitals' });
      if (i % 7 === 0) events.push({ type: 'session.pause' }, { type: 'session.resume' });
    }
    const attempt: Attempt = { ...worst.attempt, seed: 0xffffffff, events };
    const text = encodeSuspendData(scenario, attempt);
    console.log(`longest realistic session: ${events.length} events, ${text.length} characters`);
    expect(text.startsWith('k2|')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(suspendDataScenario(text)).toBe(scenario.id);
    expect(decodeSuspendData(scenario, text)).toEqual({ ok: true, attempt });
  });

  it('reports damaged compacted data instead of throwing', () => {
    const text = `k2|${scenario.id}|abc|1|p|not-deflate-data`;
    expect(decodeSuspendData(scenario, text)).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged'),
    });
    expect(decodeSuspendData(scenario, `k1|${scenario.id}|abc|1|p|o%E0%A4%A`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('undecodable'),
    });
  });
});
