import { describe, expect, it } from 'vitest';
import { counted } from '../../../src/results/plural.ts';

describe('counts on the results screens', () => {
  it('write the noun in the number the count needs', () => {
    expect(counted(1, 'attempt')).toBe('1 attempt');
    expect(counted(0, 'attempt')).toBe('0 attempts');
    expect(counted(2, 'attempt')).toBe('2 attempts');
    expect(counted(1, 'duplicate')).toBe('1 duplicate');
    expect(counted(1200, 'statement')).toBe('1,200 statements');
    expect(counted(3, 'is', 'are')).toBe('3 are');
  });
});
