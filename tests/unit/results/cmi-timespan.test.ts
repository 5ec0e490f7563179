import { describe, expect, it } from 'vitest';
import { MAX_TIMESPAN_MS, cmiTimespan } from '../../../src/engine/results/cmi-timespan.ts';

const VALID = /^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/;

describe('cmi.core.session_time (CMITimespan HHHH:MM:SS.SS)', () => {
  it('never writes 60 seconds when the hundredths round up', () => {
    expect(cmiTimespan(59_999)).toBe('0000:01:00.00');
    expect(cmiTimespan(3_599_996)).toBe('0001:00:00.00');
    expect(cmiTimespan(59_994)).toBe('0000:00:59.99');
  });

  it('never writes five hour digits, however long the session', () => {
    expect(cmiTimespan(10_000 * 3600 * 1000)).toBe('9999:59:59.99');
    expect(cmiTimespan(MAX_TIMESPAN_MS)).toBe('9999:59:59.99');
    expect(cmiTimespan(9999 * 3600 * 1000)).toBe('9999:00:00.00');
  });

  it('writes a valid span for every input, odd ones included', () => {
    for (const ms of [0, -5, Number.NaN, Infinity, 1, 5, 994, 995, 61_005.2, 7_261_990, 1e15])
      expect(cmiTimespan(ms)).toMatch(VALID);
    for (let ms = 0; ms < 4 * 3600 * 1000; ms += 59_997.3) expect(cmiTimespan(ms)).toMatch(VALID);
    expect(cmiTimespan(3_723_450)).toBe('0001:02:03.45');
  });
});
