import { describe, expect, it } from 'vitest';
import { score, scoreContext } from '../../../src/engine/scoring/score.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { NIBP_CYCLE_MINUTES } from '../../../src/engine/session/nibp.ts';
import { replay } from '../../../src/engine/session/session.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadFixture } from '../session/fixtures.ts';

const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });
const begin: SessionEvent = { type: 'session.begin' };
const log = (mode: 'practice' | 'assessment', ...events: (SessionEvent | string)[]) => ({
  seed: 7,
  mode,
  events: events.map((e) => (typeof e === 'string' ? choose(e) : e)),
});

describe('score(scenario, log)', () => {
  it('scores each competency as (earned − worst) / (possible − worst) over the decisions met', () => {
    const scenario = loadFixture();
    // prep-welcome: consent +2 (options +2, −2, −1); prep-screen: skip −2 (options +2, −2).
    const r = score(scenario, log('assessment', begin, 'prep-consent', 'prep-no-screening'));
    expect(r.competencies.safety).toMatchObject({ earned: 0, possible: 4, worst: -4, percent: 50 });
    expect(r.competencies.alliance!.percent).toBeNull();
    expect(r.overall).toBe(50);
    expect(r.passed).toBe(false);
    expect(r.status).toBe('running');
  });

  it('explains each decision with the best alternative, feedback and references', () => {
    const r = score(loadFixture(), log('assessment', begin, 'prep-skip-consent'));
    expect(r.decisions).toEqual([
      expect.objectContaining({
        index: 0,
        phase: 'preparation',
        kind: 'step',
        stepId: 'prep-welcome',
        optionId: 'prep-skip-consent',
        bestOptionId: 'prep-consent',
        points: { safety: -2 },
        bestPoints: { safety: 2 },
        feedback: 'Consent must be recorded on the day.',
        minute: null,
      }),
    ]);
  });

  it('records critical errors from options and from missed events, and fails the attempt', () => {
    const scenario = loadFixture();
    const events = [
      begin,
      'prep-consent',
      'prep-screening',
      'adm-check',
      'adm-give',
      'adm-leave-room',
      advance(60),
    ];
    const r = score(scenario, log('assessment', ...events));
    expect(r.criticalErrors).toContainEqual({
      optionId: 'adm-leave-room',
      explanation: 'A dosed patient must never be left alone.',
      minute: 0,
    });
    const missed = r.criticalErrors.find((e) => e.eventId === 'ev-bp');
    expect(missed?.explanation).toBe('A blood-pressure alarm after dosing must be acted on.');
    expect(r.decisions.find((d) => d.eventId === 'ev-bp')).toMatchObject({
      kind: 'missedEvent',
      bestOptionId: 'ev-bp-recheck',
    });
    expect(r.passed).toBe(false);
  });

  it('reports alarm response times', () => {
    const scenario = loadFixture();
    const dosed = [begin, 'prep-consent', 'prep-screening', 'adm-check', 'adm-give'];
    const systolicAlarm = (...events: (SessionEvent | string)[]) =>
      score(scenario, log('assessment', ...dosed, ...events)).alarmResponses.find(
        (a) => a.signal === 'systolic',
      );
    const raised = systolicAlarm(advance(40));
    expect(raised?.raisedAt).toBeGreaterThan(0);
    expect(raised?.respondedAt).toBeNull();
    const answered = systolicAlarm(advance(raised!.raisedAt! + 2));
    expect(answered).toMatchObject({ respondedAt: null });
    const withCheck = systolicAlarm(advance(raised!.raisedAt! + 2), {
      type: 'trainee.act',
      action: 'checkVitals',
    });
    // The check is the trainee's cuff measurement: the response is when its reading comes.
    expect(withCheck).toMatchObject({
      raisedAt: raised!.raisedAt,
      respondedAt: raised!.raisedAt! + 2 + NIBP_CYCLE_MINUTES,
      minutes: 2 + NIBP_CYCLE_MINUTES,
    });
  });

  it('scores a step visited again only the first time', () => {
    const r = score(
      loadFixture(),
      log(
        'assessment',
        begin,
        'prep-skip-consent',
        'prep-screening',
        'adm-check',
        'adm-consent-late',
        'adm-give',
      ),
    );
    expect(r.decisions.filter((d) => d.stepId === 'adm-dose').map((d) => d.optionId)).toEqual([
      'adm-consent-late',
    ]);
  });

  it('replaces a retried choice by the new one and records the retry', () => {
    const r = score(
      loadFixture(),
      log('practice', begin, 'prep-skip-consent', { type: 'trainee.retry' }, 'prep-consent'),
    );
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]).toMatchObject({
      optionId: 'prep-consent',
      retried: ['prep-skip-consent'],
    });
    expect(r.competencies.safety!.percent).toBe(100);
  });

  it('best play earns every possible point and passes; worst play fails', () => {
    const scenario = loadFixture();
    const best = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'best' });
    for (const c of Object.values(best.report.competencies)) {
      expect(c.earned).toBe(c.possible);
      expect(c.percent).toBe(100);
    }
    expect(best.report.passed).toBe(true);
    expect(best.report.ending?.kind).toBe('completed');
    // With every event fired and every check made, best play reaches the scenario-wide maximum.
    expect(best.report.competencies.safety!.earned).toBe(best.report.competencies.safety!.max);
    const worst = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'worst' });
    expect(worst.report.passed).toBe(false);
  });

  it('is a function of the log: the replayed score equals the live one', () => {
    const scenario = loadFixture();
    for (const strategy of ['best', 'worst', 'random'] as const) {
      for (const seed of [1, 2, 3]) {
        const run = playHeadless(scenario, { seed, mode: 'assessment', strategy });
        expect(score(scenario, run.attempt)).toEqual(scoreContext(run.snapshot.context));
        expect(scoreContext(replay(scenario, run.attempt).context)).toEqual(run.report);
      }
    }
  });
});
