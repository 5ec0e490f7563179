/**
 * Every choice in the bundled library names the standard of practice it meets or breaches, so the
 * debrief, the exports and the cohort reports can say which standards a decision touched. Covers
 * phase-step options, event response options and the missed-response consequences.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { standardById } from '../../../src/engine/standards/catalogue.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenarios = shippedScenarioFiles().map((f) => [f.split('/').pop()!, loadScenarioFile(f)]) as [
  string,
  ScenarioV1,
][];

interface Cited {
  standards?: { meets?: string[]; breaches?: string[] } | undefined;
}

/** Every scored choice of a scenario, labelled by where it is. */
function choices(s: ScenarioV1): [string, Cited][] {
  return [
    ...s.phases.flatMap((p) =>
      p.steps.flatMap((st) => st.options.map((o) => [`${st.id}/${o.id}`, o] as [string, Cited])),
    ),
    ...s.events.flatMap((e) => [
      ...(e.respond?.options ?? []).map((o) => [`${e.id}/${o.id}`, o] as [string, Cited]),
      ...(e.respond ? [[`${e.id}/missed`, e.respond.missed] as [string, Cited]] : []),
    ]),
  ];
}

const cited = (c: Cited) => [...(c.standards?.meets ?? []), ...(c.standards?.breaches ?? [])];

describe('the library', () => {
  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(scenarios)('%s', (_, s) => {
  it('cites at least one standard, met or breached, on every option and missed response', () => {
    const uncited = choices(s)
      .filter(([, c]) => cited(c).length === 0)
      .map(([where]) => where);
    expect(uncited).toEqual([]);
  });

  it('cites only standards that are in the catalogue', () => {
    const unknown = choices(s).flatMap(([where, c]) =>
      cited(c)
        .filter((id) => standardById(id) === undefined)
        .map((id) => `${where}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });
});
