import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acceptedChoicesOf,
  choicesCommand,
  choicesOf,
  summariseChoices,
} from '../../../src/workspace/choices.ts';
import { validate } from '../../../src/engine/format/validate.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { previewSnapshot } from '../../../src/engine/session/preview.ts';

const scenario = validate(readFileSync('scenarios/templates/minimal.json', 'utf8')).scenario!;

describe('a previewed path for the command line', () => {
  it('lists the choices in order, leaving out retried ones', () => {
    expect(
      choicesOf([
        { type: 'session.begin' },
        { type: 'trainee.choose', optionId: 'a' },
        { type: 'trainee.choose', optionId: 'b' },
        { type: 'trainee.retry' },
        { type: 'trainee.choose', optionId: 'c' },
      ]),
    ).toEqual(['a', 'c']);
    expect(choicesCommand('my file.json', ['a', 'c'])).toBe(
      "npm run scenario -- run 'my file.json' --choices a,c",
    );
  });

  it('leaves refused choices (and refused retries) out of the exported list', () => {
    expect(
      acceptedChoicesOf([
        { event: { type: 'session.begin' }, accepted: true },
        { event: { type: 'trainee.choose', optionId: 'give-early' }, accepted: false },
        { event: { type: 'trainee.choose', optionId: 'a' }, accepted: true },
        { event: { type: 'trainee.retry' }, accepted: false },
        { event: { type: 'trainee.choose', optionId: 'b' }, accepted: true },
      ]),
    ).toEqual(['a', 'b']);
    expect(choicesCommand('scenarios/drafts/trial-author.json', ['a', 'b'])).toBe(
      'npm run scenario -- run scenarios/drafts/trial-author.json --choices a,b',
    );
  });

  it('the choices of a full best run replay to the same report with --choices', () => {
    const best = playHeadless(scenario, { seed: 3, mode: 'practice', strategy: 'best' });
    const choices = choicesOf(best.attempt.events);
    const replay = playHeadless(scenario, { seed: 3, mode: 'practice', choices });
    expect(replay.ok).toBe(true);
    expect(replay.report.overall).toBe(best.report.overall);
    expect(replay.report.ending?.id).toBe(best.report.ending?.id);
  });

  it('strategies play on from a preview snapshot of a middle step', () => {
    const from = previewSnapshot(scenario, {
      stepId: 'int-transport',
      variables: {},
      facts: {},
      offsets: {},
      // The last minute the step is offered: the step after it is due at 120.
      minute: 119,
      mode: 'practice',
    });
    const best = playHeadless(scenario, { seed: 1, mode: 'practice', strategy: 'best', from });
    const worst = playHeadless(scenario, { seed: 1, mode: 'practice', strategy: 'worst', from });
    expect(choicesOf(best.attempt.events)[0]).toBe('int-transport-escort');
    expect(best.report.ending?.id).toBe('discharged');
    expect(worst.report.criticalErrors.length).toBeGreaterThan(0);
    expect(worst.report.passed).toBe(false);
  });
});

describe('the worker check and the page', () => {
  it('a check without its scenario is completed from the text to the same scenario', async () => {
    const { checkText, checkForWorker, completeCheck } =
      await import('../../../src/workspace/check.ts');
    const text = readFileSync('scenarios/templates/minimal.json', 'utf8');
    const sent = structuredClone(checkForWorker(text));
    expect(sent.scenario).toBeUndefined();
    const full = checkText(text);
    expect(completeCheck(sent, text)).toEqual(full);
    const broken = text.replace('"start": "prep-consent"', '"start": "nope"');
    expect(completeCheck(checkForWorker(broken), broken).scenario).toBeUndefined();
  });
});

describe('a long strategy run in a report', () => {
  /** The template with the weaker option of `prep-screening` leading back to its own step. */
  function looping() {
    const doc = JSON.parse(readFileSync('scenarios/templates/minimal.json', 'utf8')) as {
      phases: {
        steps: { id: string; options: { id: string; next?: string; endsPhase?: boolean }[] }[];
      }[];
    };
    const s = doc.phases.flatMap((p) => p.steps).find((x) => x.id === 'prep-screening')!;
    const weaker = s.options.find((o) => o.id === 'prep-screening-weaker')!;
    delete weaker.endsPhase;
    weaker.next = 'prep-screening';
    return validate(JSON.stringify(doc)).scenario!;
  }

  it('shows the first choices, counts the rest, and names the loop of a run that never ends', () => {
    const loop = looping();
    const from = previewSnapshot(loop, { stepId: 'prep-screening', mode: 'practice' });
    const run = playHeadless(loop, { seed: 1, mode: 'practice', strategy: 'worst', from });
    expect(run.error?.code).toBe('STUCK');
    const choices = choicesOf(run.attempt.events);
    expect(choices.length).toBeGreaterThan(1000);
    const summary = summariseChoices(choices, 40);
    expect(summary.shown).toEqual(choices.slice(0, 40));
    expect(summary.more).toBe(choices.length - 40);
    expect(summary.loop).toEqual(['prep-screening-weaker']);
  });

  it('finds a loop of several choices, and none in a path that ends', () => {
    expect(summariseChoices(['x', 'a', 'b', 'a', 'b', 'a', 'b']).loop).toEqual(['a', 'b']);
    expect(summariseChoices(['a', 'b', 'c']).loop).toEqual([]);
    expect(summariseChoices(['a', 'b', 'c'], 2)).toEqual({ shown: ['a', 'b'], more: 1, loop: [] });
  });
});
