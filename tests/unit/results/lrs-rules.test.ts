import { describe, expect, it } from 'vitest';
import {
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  actorLabel,
  classifyAnswer,
  destinationId,
  retryDelay,
  sameStatement,
} from '../../../src/engine/results/lrs-rules.ts';

const actor = { name: 'A', mbox: 'mailto:a@example.org' };

describe('xAPI outbox rules', () => {
  it('a destination is the endpoint, the credentials and the actor together', () => {
    const base = destinationId('https://lrs.example.org/xapi/', 'Basic YTpi', actor);
    expect(destinationId('https://lrs.example.org/xapi/', 'Basic YTpi', { ...actor })).toBe(base);
    expect(destinationId('https://other.example.org/xapi/', 'Basic YTpi', actor)).not.toBe(base);
    expect(destinationId('https://lrs.example.org/xapi/', 'Basic Yzpk', actor)).not.toBe(base);
    expect(
      destinationId('https://lrs.example.org/xapi/', 'Basic YTpi', {
        mbox: 'mailto:b@example.org',
      }),
    ).not.toBe(base);
    expect(base).not.toContain('YTpi');
    expect(actorLabel(actor)).toBe('A (a@example.org)');
  });

  it('reads each LRS answer by the xAPI rules', () => {
    expect(classifyAnswer(204)).toBe('sent');
    expect(classifyAnswer(200)).toBe('sent');
    expect(classifyAnswer(409)).toBe('conflict');
    expect(classifyAnswer(401)).toBe('credentials');
    expect(classifyAnswer(403)).toBe('credentials');
    expect(classifyAnswer(429)).toBe('retry');
    expect(classifyAnswer(503)).toBe('retry');
    expect(classifyAnswer(null)).toBe('retry');
    for (const status of [400, 404, 405, 413, 422]) expect(classifyAnswer(status)).toBe('refused');
  });

  it('backs off exponentially with jitter, within bounds', () => {
    expect(retryDelay(1, 0)).toBe(RETRY_BASE_MS / 2);
    expect(retryDelay(1, 0.999)).toBeLessThanOrEqual(RETRY_BASE_MS);
    expect(retryDelay(3, 0)).toBe(RETRY_BASE_MS * 2);
    expect(retryDelay(50, 1)).toBe(RETRY_CAP_MS);
    expect(retryDelay(50, 0)).toBe(RETRY_CAP_MS / 2);
    expect(retryDelay(4, 0.2)).not.toBe(retryDelay(4, 0.8));
  });

  it('a statement stored under our id matches only if it is the same statement', () => {
    const sent = {
      id: 'x',
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
      object: { objectType: 'Activity', id: 'https://t/s', definition: { name: { en: 'S' } } },
      result: { success: true, score: { scaled: 0.9 } },
      timestamp: '2026-03-01T09:30:00.000Z',
    };
    const stored = {
      ...sent,
      stored: '2026-03-01T09:31:00.000Z',
      authority: { mbox: 'mailto:lrs@example.org' },
      version: '1.0.3',
      timestamp: '2026-03-01T09:30:00.000+00:00',
      object: { ...sent.object, definition: { name: { en: 'S', fr: 'S' } } },
    };
    expect(sameStatement(sent, stored)).toBe(true);
    expect(
      sameStatement(sent, { ...stored, result: { success: false, score: { scaled: 0.2 } } }),
    ).toBe(false);
    expect(sameStatement(sent, { ...stored, actor: { mbox: 'mailto:someone@example.org' } })).toBe(
      false,
    );
  });
});
