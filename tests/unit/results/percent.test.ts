import { describe, expect, it } from 'vitest';
import { percentText } from '../../../src/engine/index.ts';

describe('percentText', () => {
  it('writes the score as scored, with its one decimal, not rounded to a whole number', () => {
    expect(percentText(46.6)).toBe('46.6%');
    expect(percentText(49.9)).toBe('49.9%');
    expect(percentText(100)).toBe('100%');
    expect(percentText(0)).toBe('0%');
  });
});
