import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadFixture, loadScenarioFile } from './fixtures.ts';

const TO_DOSE = ['prep-consent', 'prep-screening', 'adm-check', 'adm-give'];

describe('playHeadless', () => {
  it('best checks vitals at every scheduled check and answers every event', () => {
    const r = playHeadless(loadFixture(), { seed: 4, mode: 'assessment', strategy: 'best' });
    expect(r.ok).toBe(true);
    const checks = r.report.decisions.filter((d) => d.kind === 'check');
    expect(checks.map((d) => [d.checkId, d.points.safety])).toEqual([
      ['chk-15', 2],
      ['chk-40', 2],
    ]);
    expect(r.report.decisions.some((d) => d.kind === 'missedEvent')).toBe(false);
  });

  it('worst never checks and lets an event lapse when missing it is worse than any answer', () => {
    const r = playHeadless(loadFixture(), {
      seed: 4,
      mode: 'assessment',
      strategy: 'worst',
      choices: TO_DOSE,
    });
    expect(r.view.status).toBe('debrief');
    const checks = r.report.decisions.filter((d) => d.kind === 'check');
    expect(checks.every((d) => d.points.safety === 0)).toBe(true);
    // Missing the nausea event (−2) is worse than the worst answer (−1); the BP alarm's miss is critical.
    const missed = r.report.decisions.filter((d) => d.kind === 'missedEvent').map((d) => d.eventId);
    expect(missed).toEqual(expect.arrayContaining(['ev-nausea', 'ev-bp']));
    expect(r.report.criticalErrors.map((e) => e.optionId ?? e.eventId)).toEqual(
      expect.arrayContaining(['adm-leave-room', 'ev-bp', 'int-drive']),
    );
    expect(r.report.passed).toBe(false);
  });

  it('random play is decided by the seed', () => {
    const a = playHeadless(loadFixture(), { seed: 21, mode: 'assessment', strategy: 'random' });
    const b = playHeadless(loadFixture(), { seed: 21, mode: 'assessment', strategy: 'random' });
    expect(b.attempt).toEqual(a.attempt);
    const logs = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        JSON.stringify(
          playHeadless(loadFixture(), { seed, mode: 'assessment', strategy: 'random' }).attempt
            .events,
        ),
      ),
    );
    expect(logs.size).toBeGreaterThan(1);
  });

  it('lets minutes pass for a wait:N entry of the choices, and refuses a malformed one', () => {
    const hardStop = loadScenarioFile(
      fileURLToPath(new URL('../../../scenarios/hard-stop-blood-pressure.json', import.meta.url)),
    );
    const path = ['p-arrival-settle', 'p-consent-dialogue', 'p-screen-full', 'p-disc-thanks'];
    const rested = (before: string[]) =>
      playHeadless(hardStop, {
        seed: 1,
        mode: 'assessment',
        choices: [...path, 'a-bp-first', ...before, 'a-first-rest5', 'a-rest-recheck'],
      }).attempt.events;
    // The five-minute rest chosen at arrival minute 0, or after a seven-minute wait.
    const clockAt = (events: readonly SessionEvent[], id: string) =>
      events
        .slice(
          0,
          events.findIndex((e) => e.type === 'trainee.choose' && e.optionId === id),
        )
        .reduce((m, e) => m + (e.type === 'clock.advance' ? e.minutes : 0), 0);
    expect(clockAt(rested([]), 'a-first-rest5')).toBe(0);
    expect(clockAt(rested(['wait:7']), 'a-first-rest5')).toBe(7);
    expect(clockAt(rested(['wait:7']), 'a-rest-recheck')).toBe(12);
    const bad = playHeadless(hardStop, { seed: 1, mode: 'assessment', choices: ['wait:0'] });
    expect(bad.error?.code).toBe('INVALID_CHOICE');
    expect(bad.error?.message).toContain('wait:N');
  });

  it('returns the step and its options when a given choice is not offered', () => {
    const r = playHeadless(loadFixture(), {
      seed: 1,
      mode: 'assessment',
      choices: ['prep-consent', 'adm-give'],
    });
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('INVALID_CHOICE');
    expect(r.error?.step?.id).toBe('prep-screen');
    expect(r.error?.options.map((o) => o.id)).toEqual(['prep-screening', 'prep-no-screening']);
  });
});

describe('headless best play at a refused discharge', () => {
  it('arranges transport when that is what the discharge waits for, instead of waiting out the clock', () => {
    const template = JSON.parse(
      readFileSync(new URL('../../../scenarios/templates/minimal.json', import.meta.url), 'utf8'),
    ) as ScenarioV1;
    const integration = template.phases.find((p) => p.id === 'integration')!;
    const [transportStep, dischargeStep] = integration.steps;
    // The transport question no longer arranges anything; the discharge step offers it instead.
    transportStep!.options = transportStep!.options.map((o) =>
      o.action === 'arrangeTransport'
        ? { ...o, kind: 'response' as const, action: undefined, points: { safety: 1 } }
        : o,
    );
    dischargeStep!.options.push({
      id: 'int-arrange-now',
      kind: 'action',
      action: 'arrangeTransport',
      text: 'Arrange the escort now.',
      points: { safety: 1 },
      feedback: 'Transport arranged.',
      next: dischargeStep!.id,
    });
    const run = playHeadless(template, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(run.view.ending?.id).toBe('discharged');
    expect(run.view.minute).toBeLessThan(template.protocol.sessionMinutes);
  });
});
