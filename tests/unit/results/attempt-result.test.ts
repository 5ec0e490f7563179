/**
 * A competency's result in words is written once (competencyResultText) for the debrief and the
 * printed attempt summary: an unscored competency is "not scored", neither met nor missed.
 */
import { describe, expect, it } from 'vitest';
import { competencyResultText } from '../../../src/engine/results/result.ts';

describe('competencyResultText', () => {
  it('an unscored competency is "not scored" and "—", whatever its pass flag says', () => {
    expect(competencyResultText({ percent: null, passed: true })).toEqual({
      score: 'not scored',
      met: '—',
    });
    expect(competencyResultText({ percent: null, passed: false }).met).toBe('—');
  });

  it('a scored competency is its percentage, met or below the pass mark', () => {
    expect(competencyResultText({ percent: 82.5, passed: true })).toEqual({
      score: '82.5%',
      met: 'Met',
    });
    expect(competencyResultText({ percent: 40, passed: false }).met).toBe('Below the pass mark');
  });
});
