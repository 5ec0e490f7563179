import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../../src/engine/format/index.ts';

describe('did you mean', () => {
  it('counts edits, with a swap of neighbours as one', () => {
    expect(editDistance('steps', 'steps')).toBe(0);
    expect(editDistance('stepz', 'steps')).toBe(1);
    expect(editDistance('strat', 'start')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests close candidates only', () => {
    expect(didYouMean('introductry', ['introductory', 'intermediate', 'advanced'])).toBe(
      'Did you mean "introductory"?',
    );
    expect(didYouMean('Steps', ['steps', 'start'])).toBe('Did you mean "steps"?');
    expect(didYouMean('banana', ['steps', 'start'])).toBeUndefined();
    expect(didYouMean('id', ['no'])).toBeUndefined();
  });
});
