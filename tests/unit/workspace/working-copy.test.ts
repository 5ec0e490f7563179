import { describe, expect, it } from 'vitest';
import {
  WORKING_COPY_KEY,
  discardWorkingCopy,
  fingerprint,
  keepWorkingCopy,
  loadWorkingCopy,
  type KeyValueStore,
} from '../../../src/workspace/editor/working-copy.ts';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};

describe('the working copy kept across reloads', () => {
  it('keeps, restores and discards', () => {
    const store = memory();
    expect(loadWorkingCopy(store)).toBeNull();
    const copy = { name: 'a.json', origin: 'template' as const, text: '{"a":1}', base: '{}' };
    expect(keepWorkingCopy(store, copy)).toBeNull();
    expect(loadWorkingCopy(store)).toEqual(copy);
    discardWorkingCopy(store);
    expect(loadWorkingCopy(store)).toBeNull();
  });

  it('ignores a damaged copy and reports a full store', () => {
    const store = memory();
    store.setItem(WORKING_COPY_KEY, '{not json');
    expect(loadWorkingCopy(store)).toBeNull();
    store.setItem(WORKING_COPY_KEY, JSON.stringify({ name: 1 }));
    expect(loadWorkingCopy(store)).toBeNull();
    const full: KeyValueStore = {
      ...store,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(keepWorkingCopy(full, { name: 'a', origin: 'file', text: 'x', base: 'x' })).toMatch(
      /could not be kept.*QuotaExceededError/,
    );
  });

  it('fingerprints differ when the text differs', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
  });
});
