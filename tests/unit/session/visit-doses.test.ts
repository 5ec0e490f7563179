/** Which kinds of visit give a dose, read from the phase table (what the player's clock and phase bar show). */
import { describe, expect, it } from 'vitest';
import { visitDoses, visitPhases } from '../../../src/engine/session/phases.ts';

describe('visits with and without a dose', () => {
  it('only a dosing visit has the administration phase and gives a dose', () => {
    expect(visitDoses('dosing')).toBe(true);
    expect(visitDoses('preparation')).toBe(false);
    expect(visitDoses('integration')).toBe(false);
    expect(visitPhases('integration')).toEqual(['integration']);
  });
});
