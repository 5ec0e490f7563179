import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analysisSections, labelOf } from '../../../src/workspace/analysis-sections.ts';
import { fullAnalysis } from '../../../src/workspace/full-analysis.ts';
import { GATE_TITLES, validate, type GateId } from '../../../src/engine/index.ts';

describe('the analysis panel sections', () => {
  const text = readFileSync('scenarios/templates/minimal.json', 'utf8');
  const scenario = validate(text).scenario!;
  const analysis = fullAnalysis(scenario, text);
  const sections = analysisSections(analysis);
  const byKey = new Map(sections.map((s) => [s.key, s]));

  it('has a section for every field analyze reports, the decision analysis included', () => {
    for (const key of [
      'phases',
      'scores',
      'scoresWithoutGates',
      'gatedChoices',
      'criticalErrors',
      'unused',
      'weakerOnlySteps',
      'cues',
      'spokenWithoutReaction',
      'standards',
      'length',
    ])
      expect(byKey.has(key), key).toBe(true);
    expect(sections.map((s) => s.key)).toEqual(
      Object.keys(analysis).filter((k) => k !== 'scenarioId'),
    );
  });

  it('shows phases as a table with the path counts, and a new section by its field name', () => {
    const phases = byKey.get('phases')!.value;
    expect(phases.kind).toBe('table');
    if (phases.kind === 'table') {
      expect(phases.rows.map((r) => r.key)).toEqual(analysis.phases.map((p) => p.id));
      const paths = phases.keys.indexOf('paths');
      expect(phases.rows[0]!.cells[paths]).toBe(analysis.phases[0]!.paths.toLocaleString('en'));
    }
    const added = analysisSections({ ...analysis, optionsWithoutFeedback: ['a', 'b'] }).at(-1)!;
    expect(added.title).toBe('Options without feedback');
    expect(added.value).toEqual({ kind: 'list', items: ['a', 'b'] });
    expect(labelOf('variablesNeverRead')).toBe('Variables never read');
  });

  it('shows the figures without a gated choice and the gated choices by gate, as analyze does', () => {
    const phases = byKey.get('phases')!.value;
    expect(phases.kind === 'table' && phases.columns).toEqual(
      expect.arrayContaining(['Paths without a gated choice', 'Entered without a gated choice']),
    );
    const free = analysis.scoresWithoutGates!;
    const shown = byKey.get('scoresWithoutGates')!;
    expect(shown.title).toContain('without a gated choice');
    const overall = shown.value.kind === 'fields' && shown.value.fields.at(-1)!;
    expect(overall && overall.value).toEqual({
      kind: 'fields',
      fields: [
        { key: 'min', label: 'Min', value: { kind: 'text', text: String(free.overall.min) } },
        { key: 'max', label: 'Max', value: { kind: 'text', text: String(free.overall.max) } },
      ],
    });
    const gated = byKey.get('gatedChoices')!.value;
    expect(gated).toEqual({
      kind: 'fields',
      fields: Object.entries(analysis.gatedChoices).map(([gate, ids]) => ({
        key: gate,
        label: GATE_TITLES[gate as GateId].name,
        value: { kind: 'list', items: ids },
      })),
    });
    expect(gated.kind === 'fields' && gated.fields.map((f) => f.label)).toContain('dose gate');
    const errors = byKey.get('criticalErrors')!.value;
    expect(errors.kind === 'table' && errors.columns).toEqual(
      expect.arrayContaining(['Gates asked about it', 'Recorded only if a gate opens']),
    );
  });

  it('prints a capped path count as at least', () => {
    const capped = analysisSections({
      phases: [{ id: 'x', paths: 1e15, pathsCapped: true }],
    })[0]!.value;
    expect(capped.kind === 'table' && capped.rows[0]!.cells[1]).toBe(
      `≥ ${(1e15).toLocaleString('en')}`,
    );
  });
});

describe('empty and ambiguous fields', () => {
  it('an empty record reads as none, and the two reachability columns have their own names', () => {
    const [standards, phases] = analysisSections({
      standards: { breachedBy: {} },
      phases: [{ id: 'p', reachableSteps: 1, reachable: true }],
    });
    expect(standards!.value).toEqual({
      kind: 'fields',
      fields: [{ key: 'breachedBy', label: 'Breached by', value: { kind: 'list', items: [] } }],
    });
    expect(phases!.value.kind === 'table' && phases!.value.columns).toEqual([
      'Id',
      'Reachable steps',
      'Can be entered',
    ]);
  });
});

it('standards breached are listed under their ids as written', () => {
  const [standards] = analysisSections({ standards: { breachedBy: { 'kap-2.1': ['opt-a'] } } });
  expect(standards!.value).toEqual({
    kind: 'fields',
    fields: [
      {
        key: 'breachedBy',
        label: 'Breached by',
        value: {
          kind: 'fields',
          fields: [{ key: 'kap-2.1', label: 'kap-2.1', value: { kind: 'list', items: ['opt-a'] } }],
        },
      },
    ],
  });
});
