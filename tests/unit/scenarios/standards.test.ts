/**
 * The bundled scenarios apply the standards catalogue alike: the acts the catalogue makes critical
 * are critical wherever they occur, every critical error names the standard it breaches, every dosing-day screen asks about suicidal thinking, every
 * dosing scenario alarms on oxygen saturation, and no two patients share a surname.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { standardById } from '../../../src/engine/standards/catalogue.ts';
import { loadScenarioFile, patientGroupOf, shippedScenarioFiles } from '../session/fixtures.ts';

const scenarios = shippedScenarioFiles().map((f) => [f.split('/').pop()!, loadScenarioFile(f)]) as [
  string,
  ScenarioV1,
][];

const weighted = (s: ScenarioV1, points: Record<string, number> | undefined) =>
  Object.entries(points ?? {}).reduce(
    (sum, [id, p]) => sum + (s.competencies.find((c) => c.id === id)?.weight ?? 0) * p,
    0,
  );

describe.each(scenarios)('%s', (_, s) => {
  const options = [
    ...s.phases.flatMap((p) => p.steps.flatMap((st) => st.options)),
    ...s.events.flatMap((e) => e.respond?.options ?? []),
  ];

  it('cites standards, and grades every breach of a critical standard as a critical error', () => {
    expect(options.filter((o) => o.standards).length).toBeGreaterThan(20);
    const outcomes = [
      ...options,
      ...s.events.flatMap((e) => (e.respond ? [e.respond.missed] : [])),
    ];
    for (const o of outcomes)
      for (const id of o.standards?.breaches ?? [])
        if (standardById(id)?.floor === 'critical')
          expect(o.critical, `${'id' in o ? o.id : 'missed'} breaches ${id}`).toBeDefined();
  });

  it('names the standard behind every critical error', () => {
    const outcomes = [
      ...options.map((o) => [o.id, o] as const),
      ...s.events.flatMap((e) =>
        e.respond ? [[`${e.id}.missed`, e.respond.missed] as const] : [],
      ),
    ];
    const unexplained = outcomes
      .filter(([, o]) => o.critical && !o.standards?.breaches?.length)
      .map(([id]) => id);
    expect(unexplained).toEqual([]);
  });

  it('asks about suicidal thinking in the best option of every screening step', () => {
    const screening = s.phases
      .flatMap((p) => p.steps)
      .filter((st) => st.options.some((o) => o.action === 'completeScreening'));
    // An integration visit has no screening checklist; every other visit screens.
    const screens = (s.visit?.kind ?? 'dosing') !== 'integration';
    if (screens) expect(screening.length).toBeGreaterThan(0);
    const bestScreens = screening
      .map((st) =>
        st.options.reduce((a, b) => (weighted(s, b.points) > weighted(s, a.points) ? b : a)),
      )
      .filter((o) => o.action === 'completeScreening');
    if (screens) expect(bestScreens.length).toBeGreaterThan(0);
    for (const o of bestScreens) {
      expect(o.standards?.meets, o.id).toContain('suicide-risk-asked');
      expect(o.text, o.id).toMatch(/suicid/);
    }
  });

  it('sounds the monitor alarm on low oxygen saturation', () => {
    expect(s.protocol.thresholds.alarm.spo2Min).toBeGreaterThanOrEqual(90);
  });
});

describe('the library', () => {
  it('gives every patient a different surname', () => {
    // The visits of one course share their patient.
    const groupOf = patientGroupOf();
    const byGroup = new Map(scenarios.map(([file, s]) => [groupOf(file), s.patient.name]));
    const surnames = [...byGroup.values()].map((name) => name.split(' ').pop());
    expect(new Set(surnames).size).toBe(surnames.length);
  });
});
