import { describe, expect, it } from 'vitest';
import { score } from '../../../src/engine/scoring/score.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadFixture } from '../session/fixtures.ts';

const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });

function option(scenario: ScenarioV1, id: string) {
  for (const phase of scenario.phases)
    for (const step of phase.steps) for (const o of step.options) if (o.id === id) return o;
  throw new Error(`no option ${id}`);
}

describe('the report carries the standards of each decision', () => {
  it('lists the standards a chosen option and a missed event meet and breach', () => {
    const scenario = loadFixture();
    option(scenario, 'prep-consent').standards = { meets: ['consent-abuse-risk-honest'] };
    option(scenario, 'adm-leave-room').standards = { breaches: ['observe-dosed-patient'] };
    const bp = scenario.events.find((e) => e.id === 'ev-bp')!;
    bp.respond!.missed.standards = { breaches: ['bp-monitored-and-acted-on'] };
    const events: SessionEvent[] = [
      { type: 'session.begin' },
      ...['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-leave-room'].map(choose),
      { type: 'clock.advance', minutes: 60 },
    ];
    const r = score(scenario, { seed: 7, mode: 'assessment', events });
    const of = (pick: (d: (typeof r.decisions)[number]) => boolean) =>
      r.decisions.find(pick)?.standards;
    expect(of((d) => d.optionId === 'prep-consent')).toEqual({
      meets: ['consent-abuse-risk-honest'],
      breaches: [],
    });
    expect(of((d) => d.optionId === 'adm-leave-room')).toEqual({
      meets: [],
      breaches: ['observe-dosed-patient'],
    });
    expect(of((d) => d.eventId === 'ev-bp')).toEqual({
      meets: [],
      breaches: ['bp-monitored-and-acted-on'],
    });
    expect(of((d) => d.optionId === 'prep-screening')).toBeUndefined();
  });
});
