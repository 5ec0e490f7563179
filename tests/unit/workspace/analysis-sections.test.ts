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
    expect(errors.kind === 'table' && errors.columns).toEqual([
      'Id',
      'Path',
      'Explanation',
      'Recorded only if a gate opens',
    ]);
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

it('standards breached are a table of standard → the options that breach it', () => {
  const [standards] = analysisSections({
    standards: { breachedBy: { 'kap-2.1': ['opt-a', 'opt-b'], 'kap-3': ['opt-c'] } },
  });
  expect(standards!.value).toEqual({
    kind: 'fields',
    fields: [
      {
        key: 'breachedBy',
        label: 'Breached by',
        value: {
          kind: 'table',
          keys: ['', 'breachedBy'],
          columns: ['Standard', 'Options that breach it'],
          rows: [
            { key: 'kap-2.1', cells: ['kap-2.1', 'opt-a, opt-b'] },
            { key: 'kap-3', cells: ['kap-3', 'opt-c'] },
          ],
        },
      },
    ],
  });
});

describe('the hard-stop scenario, in the words analyze prints', () => {
  const text = readFileSync('scenarios/hard-stop-blood-pressure.json', 'utf8');
  const analysis = fullAnalysis(validate(text).scenario!, text);
  const byKey = new Map(analysisSections(analysis).map((s) => [s.key, s]));
  const rowsOf = (key: string) => {
    const v = byKey.get(key)!.value;
    if (v.kind !== 'table') throw new Error(`${key} is not a table`);
    return new Map(v.rows.map((r) => [r.key, r.cells]));
  };
  const perCompetency = (key: string) => {
    const v = byKey.get(key)!.value;
    const f = v.kind === 'fields' ? v.fields.find((x) => x.key === 'perCompetency') : undefined;
    if (f?.value.kind !== 'table') throw new Error('no per-competency table');
    return new Map(f.value.rows.map((r) => [r.key, r.cells]));
  };

  it('a competency no path without a gated choice scores says so instead of 0 to 0', () => {
    const free = analysis.scoresWithoutGates!;
    expect(free.notScored).toContain('presence');
    const rows = perCompetency('scoresWithoutGates');
    for (const id of free.notScored)
      expect(rows.get(id)).toEqual([id, 'not scored without a gated choice', '—']);
    expect(rows.get('safety')).toEqual([
      'safety',
      String(free.perCompetency.safety!.min),
      String(free.perCompetency.safety!.max),
    ]);
    expect(perCompetency('scores').get('presence')![1]).toBe(
      String(analysis.scores.perCompetency.presence!.min),
    );
  });

  it('says under both ranges that each is taken over the paths on its own', () => {
    for (const key of ['scores', 'scoresWithoutGates'])
      expect(byKey.get(key)!.note).toContain(
        "the path that reaches one competency's maximum need not reach another's",
      );
  });

  it('marks critical errors as the command line does', () => {
    const rows = rowsOf('criticalErrors');
    const behind = analysis.criticalErrors.find((c) => c.gated && c.gates.length === 0)!;
    const doseGated = analysis.criticalErrors.find((c) => c.gates.includes('dose'))!;
    const open = analysis.criticalErrors.find((c) => !c.gated)!;
    expect(rows.get(behind.id)!.at(-1)).toBe('reached only through a gated choice');
    expect(rows.get(doseGated.id)!.at(-1)).toBe('only if the dose gate lets it through');
    expect(rows.get(open.id)!.at(-1)).toBe('no');
  });

  it('names unused variables and the length figures in plain words', () => {
    const unused = byKey.get('unused')!.value;
    expect(unused.kind === 'fields' && unused.fields.map((f) => f.label)).toContain(
      'Variables never set',
    );
    const length = byKey.get('length')!;
    expect(length.note).toContain('tidy --write');
    const labels = length.value.kind === 'fields' ? length.value.fields.map((f) => f.label) : [];
    expect(labels).toContain('Implied kinds and nexts the file leaves out now');
    expect(labels).toContain(
      'Lines `tidy --write` would remove (an implied kind or next written out)',
    );
  });
});
