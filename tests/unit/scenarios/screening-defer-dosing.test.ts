/**
 * What the screening scenario teaches: dosing a man whose daily heavy drinking was never
 * elicited must not pass, however well the rest of the session goes; finding the history late and
 * deferring still can.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';

const text = readFileSync(
  new URL('../../../scenarios/screening-defer-dosing.json', import.meta.url),
  'utf8',
);
const scenario = validate(text).scenario!;

const WELCOME = ['p-arrival-checkin'];
/** Consent, readiness and the blood-pressure check all done well. */
const GOOD_PREP = ['p-consent-honest', 'p-readiness-transparent', 'a-vitals-rested'];
/** After the dose: every monitoring, conversation and integration choice is the skilled one. */
const SKILLED_AFTER_DOSE = [
  'a-post-dose-settle',
  'm-onset-quiet-check',
  'bp-alarm-ladder',
  'm-bp-peak-recheck',
  'm-craving-present',
  'm-nausea-support',
  'g-emerging-open',
  'g-shame-silence',
  'g-takehome-honest',
  'g-closing-rest',
  'i-meaning-explore',
  'i-plan-honest',
  'i-transport-escort',
  'i-discharge-criteria',
];
/** Defer with care once the prescriber has the full picture. */
const SKILLED_DEFERRAL = ['a-prescriber-full-agree', 'a-defer-talk-silence', 'a-defer-plan-refer'];

function play(choices: string[], seed = 1) {
  const run = playHeadless(scenario, { seed, mode: 'assessment', choices });
  expect(run.error, 'the scripted path reaches the debrief').toBeUndefined();
  return run;
}

describe('screening-defer-dosing: the decision to dose', () => {
  const missedHistory: [string, string[]][] = [
    [
      'noted the drinking, ticked "social", accepted a blood-pressure-only sign-off',
      ['p-screen-note', 'p-minimised-social', 'a-bp-high-bp-call', 'a-prescriber-bp-accept'],
    ],
    [
      'reassured him about the drinking, then accepted the sign-off',
      ['p-screen-dismiss', 'p-minimised-social', 'a-bp-high-bp-call', 'a-prescriber-bp-accept'],
    ],
    [
      'noted the drinking, then asked the prescriber to sign off quickly',
      ['p-screen-note', 'p-minimised-social', 'a-bp-high-bp-call', 'a-prescriber-bp-rush'],
    ],
  ];

  it.each(missedHistory)(
    'does not pass a trainee who doses after a screening that missed the drinking (%s), even with a flawless rest of the session',
    (_name, screening) => {
      const [screen, minimised, bp, prescriber] = screening;
      for (const seed of [1, 99]) {
        const run = play(
          [
            ...WELCOME,
            screen!,
            minimised!,
            ...GOOD_PREP,
            bp!,
            prescriber!,
            'a-dose-ready-give',
            ...SKILLED_AFTER_DOSE,
          ],
          seed,
        );
        expect(run.snapshot.context.facts.dosed).toBe(true);
        expect(run.report.ending?.kind).toBe('completed');
        expect(
          run.report.criticalErrors,
          'the failure comes from points, not a critical error',
        ).toEqual([]);
        expect(run.report.passed).toBe(false);
        expect(run.report.competencies['screening']?.passed).toBe(false);
      }
    },
  );

  it('passes a trainee who notes the drinking loosely at first but asks again before the prescriber decides, and defers', () => {
    const run = play([
      ...WELCOME,
      'p-screen-note',
      'p-minimised-social',
      ...GOOD_PREP,
      'a-bp-high-ask-again',
      'a-late-call',
      ...SKILLED_DEFERRAL,
    ]);
    expect(run.snapshot.context.facts.dosed).toBe(false);
    expect(run.report.passed).toBe(true);
  });

  it('gives full marks for eliciting the history, telling the prescriber everything and referring with care', () => {
    const run = play([
      ...WELCOME,
      'p-screen-curious',
      'p-disclosure-reflect',
      ...GOOD_PREP,
      'a-bp-high-full-call',
      ...SKILLED_DEFERRAL,
    ]);
    expect(run.report.ending?.kind).toBe('referred');
    expect(run.report.passed).toBe(true);
    expect(run.report.overall).toBe(100);
  });
});
