/**
 * Places in the cohort view are named by what the trainee met there: the first words of a step's
 * or an event's text, or a check's label.
 */
import { describe, expect, it } from 'vitest';
import { firstWords, placeText, PLACE_TEXT_MAX } from '../../../src/engine/cohort/places.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenarios = shippedScenarioFiles().map((f) => loadScenarioFile(f));

describe('firstWords', () => {
  it('keeps a short text whole, with its whitespace collapsed', () => {
    expect(firstWords('  She sits down,\n  and waits.  ')).toBe('She sits down, and waits.');
  });
  it('cuts a long text at a word, without trailing punctuation, and marks the cut', () => {
    const text =
      'The patient arrives twenty minutes late, apologising, and says the traffic was terrible today.';
    const cut = firstWords(text, 40);
    expect(cut).toBe('The patient arrives twenty minutes late…');
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('placeText', () => {
  const withEvents = scenarios.find((s) => s.events.length > 0)!;
  const withChecks = scenarios.find((s) => s.protocol.monitoring.length > 0)!;

  it("names a step by its text's first words", () => {
    const step = scenarios[0]!.phases[0]!.steps[0]!;
    const named = placeText(scenarios[0]!, step.id)!;
    expect(named.length).toBeLessThanOrEqual(PLACE_TEXT_MAX);
    expect(step.text.replace(/\s+/g, ' ').startsWith(named.replace(/…$/, ''))).toBe(true);
  });
  it('names an event by its text and a scheduled check by its label', () => {
    const event = withEvents.events[0]!;
    expect(placeText(withEvents, event.id)).toBe(firstWords(event.text));
    const check = withChecks.protocol.monitoring[0]!;
    expect(placeText(withChecks, check.id)).toBe(firstWords(check.label));
  });
  it('gives null for an id the scenario does not have', () => {
    expect(placeText(scenarios[0]!, 'no-such-place')).toBeNull();
  });
});
