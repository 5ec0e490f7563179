/**
 * Text follows the state: step and event text variants and option feedback variants, chosen by
 * their `when` at the moment they are shown or chosen, and the same everywhere they appear.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile } from './fixtures.ts';

const scenario = loadScenarioFile(
  fileURLToPath(new URL('../../fixtures/engine/visit/text-variants.json', import.meta.url)),
);
type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });
const dim: SessionEvent = { type: 'trainee.setting', setting: 'lights', value: 'dim' };

function play(...events: (SessionEvent | string)[]): Snap {
  let [s] = initialTransition(sessionMachine, { scenario, seed: 5, mode: 'practice' });
  for (const e of [{ type: 'session.begin' } as SessionEvent, ...events])
    s = transition(
      sessionMachine,
      s,
      typeof e === 'string' ? { type: 'trainee.choose', optionId: e } : e,
    )[0];
  return s;
}
const TO_DOSE = ['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-music'];
const toIntegration = (gc: string) => [
  ...TO_DOSE,
  advance(10),
  'mon-presence',
  advance(20),
  'ev-nausea-bowl',
  'mon-hold',
  advance(15),
  gc,
  'gc-end',
  advance(30),
];

describe('text variants', () => {
  it('a step says what is true of the path: the reflected image comes back only if it was reflected', () => {
    const reflected = play(...toIntegration('gc-reflect'));
    const advised = play(...toIntegration('gc-advise'));
    const answer = (s: Snap) => s.context.open.map(() => 'ev-bp-prescriber');
    const r = play(...toIntegration('gc-reflect'), ...answer(reflected));
    const a = play(...toIntegration('gc-advise'), ...answer(advised));
    expect(viewSession(r).step).toMatchObject({ id: 'int-review', affect: 'thoughtful' });
    expect(viewSession(r).step?.text).toContain("my father's house");
    expect(viewSession(a).step?.text).toBe('I feel clear. My car is outside.');
    // The transcript holds the same text the step shows.
    expect(viewSession(r).transcript.some((t) => t.text === viewSession(r).step?.text)).toBe(true);
  });

  it('an event line follows the setting at the minute it fires', () => {
    const bright: SessionEvent = { type: 'trainee.setting', setting: 'lights', value: 'bright' };
    const quiet = play(...TO_DOSE, bright, advance(10), 'mon-presence', advance(10));
    const dimmed = play(...TO_DOSE, dim, advance(10), 'mon-presence', advance(10));
    const text = (s: Snap) => viewSession(s).openEvents.find((e) => e.id === 'ev-nausea')?.text;
    expect(text(dimmed)).toBe('In the dim light, the patient says they feel sick.');
    expect(text(quiet)).toBe(scenario.events.find((e) => e.id === 'ev-nausea')!.text);
  });

  it('option feedback follows the state at the choice, in practice feedback and in the debrief report', () => {
    const reflected = play(...toIntegration('gc-reflect').slice(0, -1));
    const advised = play(...toIntegration('gc-advise').slice(0, -1));
    expect(viewSession(reflected).lastFeedback?.feedback).toBe(
      'Closing gently after reflecting her image back keeps the thread for integration.',
    );
    expect(viewSession(advised).lastFeedback?.feedback).toBe(
      'Closing gently gives the patient time to return.',
    );
    const report = scoreContext(reflected.context);
    expect(report.decisions.find((d) => d.optionId === 'gc-end')?.feedback).toBe(
      viewSession(reflected).lastFeedback?.feedback,
    );
  });
});
