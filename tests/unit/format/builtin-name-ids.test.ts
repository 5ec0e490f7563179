/**
 * Ids that are also names of Object.prototype members (toString, valueOf, constructor,
 * hasOwnProperty, …) must behave like any other id: the same scenario with its ids renamed to
 * such names plays, scores and reports exactly as the original.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';
import { analyze } from '../../../src/engine/analysis/analyze.ts';
import { playHeadless, type Strategy } from '../../../src/engine/play/headless.ts';
import type { Report } from '../../../src/engine/scoring/score.ts';

const FILE = new URL('../../fixtures/engine/protocol-gates.json', import.meta.url);

/** Original id → a built-in name (each name once, so a report maps back without doubt). */
const RENAME: Record<string, string> = {
  alliance: 'valueOf', // competency: a key of every option's points
  reflected: 'hasOwnProperty', // variable: a key of effects.set and of the session's variables
  'chk-15': 'toString', // monitoring check: a key of the session's checks
  'chk-40': 'isPrototypeOf',
  'gc-open': 'constructor', // step: a key of scored steps and retries
  'mon-onset': 'propertyIsEnumerable',
  'ev-nausea': 'toLocaleString', // event
};

const TO_DOSE = ['prep-consent', 'prep-screening', 'adm-check', 'adm-give'];

function renamed(value: unknown): unknown {
  if (typeof value === 'string') return RENAME[value] ?? value;
  if (Array.isArray(value)) return value.map(renamed);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [RENAME[k] ?? k, renamed(v)]));
  return value;
}

function load(text: string) {
  const result = validate(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.scenario!;
}

/** What a report says, with ids mapped back to the original names. */
function summary(report: Report) {
  const back = (id: string | null | undefined) =>
    id == null ? id : (Object.entries(RENAME).find(([, b]) => b === id)?.[0] ?? id);
  return {
    passed: report.passed,
    overall: report.overall,
    ending: back(report.ending?.id),
    competencies: Object.values(report.competencies).map((c) => ({
      ...c,
      id: back(c.id),
    })),
    decisions: report.decisions.map((d) => ({
      kind: d.kind,
      ref: back(d.stepId ?? d.eventId ?? d.checkId),
      option: back(d.optionId),
      best: back(d.bestOptionId),
      points: Object.fromEntries(Object.entries(d.points).map(([k, v]) => [back(k), v])),
    })),
    critical: report.criticalErrors.map((e) => back(e.optionId ?? e.eventId)),
  };
}

describe('ids equal to built-in object names', () => {
  const text = readFileSync(FILE, 'utf8');
  const original = load(text);
  const builtin = load(JSON.stringify(renamed(JSON.parse(text)), null, 2));

  it('the renamed scenario really uses the built-in names', () => {
    expect(builtin.competencies.map((c) => c.id)).toContain('valueOf');
    expect(builtin.variables.map((v) => v.id)).toContain('hasOwnProperty');
    expect(builtin.protocol.monitoring.map((m) => m.id)).toEqual(['toString', 'isPrototypeOf']);
  });

  it.each<[Strategy, number]>([
    ['best', 1],
    ['worst', 1],
    ['random', 3],
    ['random', 11],
  ])('plays and scores the same under --strategy %s (seed %i)', (strategy, seed) => {
    // Through the dose first, so every phase, check and event is met.
    const options = { seed, mode: 'assessment', strategy, choices: TO_DOSE } as const;
    const a = playHeadless(original, options);
    const b = playHeadless(builtin, options);
    expect(b.error).toBeUndefined();
    expect(b.view.status).toBe(a.view.status);
    expect(summary(b.report)).toEqual(summary(a.report));
    expect(b.view.status).toBe('debrief');
    expect(b.report.decisions.some((d) => d.kind === 'check')).toBe(true);
  });

  it('analysis gives the same score ranges', () => {
    const a = analyze(original).scores;
    const b = analyze(builtin).scores;
    expect(b.overall).toEqual(a.overall);
    expect(b.perCompetency.valueOf).toEqual(a.perCompetency.alliance);
  });
});
