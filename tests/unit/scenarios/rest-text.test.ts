/**
 * An option that holds the dose for a rest says no more about time than the engine does: an option
 * never moves the clock, and a `delayDose` option's only time is `recheckAfterMinutes` (the least
 * rest before a recheck counts). So a rest option that names minutes names that rest, and none
 * promises a recheck "in" some minutes, which the scenario's own recheck step does not keep.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const NUMBERS: Record<string, number> = { five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30 };

/** The minutes an option's text names ("fifteen minutes", "5 minutes"). */
function minutesNamed(text: string): number[] {
  return [...text.matchAll(/\b(\d+|five|ten|fifteen|twenty|thirty)[- ]minutes?\b/gi)].map((m) =>
    /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBERS[m[1]!.toLowerCase()]!,
  );
}

describe('rest options say only what the engine models', () => {
  const files = shippedScenarioFiles();
  it.each(files)('%s', (file) => {
    const scenario = loadScenarioFile(file);
    const options = [
      ...scenario.phases.flatMap((p) => p.steps.flatMap((s) => s.options)),
      ...scenario.events.flatMap((e) => e.respond?.options ?? []),
    ].filter((o) => o.action === 'delayDose');
    for (const o of options) {
      for (const minutes of minutesNamed(o.text))
        expect(minutes, `${o.id}: "${o.text}"`).toBe(o.recheckAfterMinutes ?? 0);
      expect(o.text, o.id).not.toMatch(/\brecheck in \w+ minutes?\b/i);
    }
  });

  it('finds the minutes a text names', () => {
    expect(minutesNamed('Recheck in five minutes while he fills in the forms.')).toEqual([5]);
    expect(minutesNamed('after 15 minutes of rest')).toEqual([15]);
    expect(minutesNamed('Hold the dose.')).toEqual([]);
  });
});
