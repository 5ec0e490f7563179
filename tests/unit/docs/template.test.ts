import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/validate.ts';
import { PHASE_IDS } from '../../../src/engine/format/schema.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';

const text = readFileSync(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
  'utf8',
);

function load() {
  const { diagnostics, scenario } = validate(text);
  if (!scenario)
    throw new Error(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'),
    );
  return scenario;
}

describe('scenarios/templates/minimal.json', () => {
  it('validates with no errors and no warnings', () => {
    const { diagnostics } = validate(text);
    expect(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`),
    ).toEqual([]);
  });

  it('has all five phases, a dose and a discharge ending', () => {
    const scenario = load();
    expect(scenario.phases.map((p) => p.id)).toEqual([...PHASE_IDS]);
    const actions = scenario.phases.flatMap((p) =>
      p.steps.flatMap((s) => s.options.map((o) => o.action)),
    );
    expect(actions).toContain('administerDose');
    expect(actions).toContain('discharge');
  });

  it('plays from the briefing to the debrief through all five phases with the best strategy, and passes', () => {
    const result = playHeadless(load(), { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(result.error).toBeUndefined();
    expect(result.view.status).toBe('debrief');
    expect(result.view.dosed).toBe(true);
    expect(result.report.ending?.kind).toBe('completed');
    const phasesMet = new Set(result.report.decisions.map((d) => d.phase));
    for (const phase of PHASE_IDS) expect(phasesMet, phase).toContain(phase);
    expect(result.report.passed).toBe(true);
  });

  it('fails an attempt that lets the patient drive home, with the critical error explained', () => {
    const scenario = load();
    const choices = [
      'prep-consent-best',
      'prep-screening-best',
      'admin-vitals-check',
      'admin-dose-give',
      'mon-peak-check',
      'conv-emerging-reflect',
      'int-transport-drive',
      'int-discharge-leave',
    ];
    const result = playHeadless(scenario, { seed: 1, mode: 'assessment', choices });
    expect(result.view.status).toBe('debrief');
    expect(result.report.passed).toBe(false);
    expect(result.report.criticalErrors.map((c) => c.optionId)).toEqual([
      'int-transport-drive',
      'int-discharge-leave',
    ]);
    expect(result.report.criticalErrors[0]!.explanation).toContain('drive home');
  });

  it('meets its own checklist: the worst strategy fails with a critical error, each citing its standard', () => {
    const result = playHeadless(load(), { seed: 1, mode: 'assessment', strategy: 'worst' });
    expect(result.view.status).toBe('debrief');
    expect(result.report.passed).toBe(false);
    expect(result.report.criticalErrors.length).toBeGreaterThanOrEqual(1);
    for (const d of result.report.decisions.filter((d) => d.critical))
      expect(d.standards?.breaches.length, d.optionId ?? '').toBeGreaterThan(0);
  });
});
