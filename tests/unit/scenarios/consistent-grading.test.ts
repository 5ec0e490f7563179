/**
 * The same unsafe act is graded the same way in every bundled scenario (the standards catalogue):
 * each act below is listed by the option ids that perform it in each file, and every listing
 * must breach the same standards at the same severity class (critical, major or minor, as
 * `src/engine/standards/floor.ts` defines them).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { MAJOR_PENALTY, MINOR_PENALTY, penaltyOf } from '../../../src/engine/standards/floor.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

type Severity = 'critical' | 'major' | 'minor' | 'none';

interface Act {
  act: string;
  /** The standards every listed option breaches, sorted. */
  breaches: string[];
  severity: Severity;
  /** [scenario id, option id] for each place the act occurs. */
  where: [string, string][];
}

const ACTS: Act[] = [
  {
    act: 'a dosed patient sent home alone in a taxi instead of with an escort',
    breaches: ['discharge-by-criteria'],
    severity: 'critical',
    where: [
      ['esketamine-rems-monitoring', 'int-transport-taxi'],
      ['ptsd-challenging-experience', 'transport-taxi'],
      ['trd-sublingual-first-session', 'i4-taxi'],
      ['screening-defer-dosing', 'i-transport-taxi'],
      ['sedation-vomiting-benzodiazepine', 'home-taxi'],
      ['im-hypertensive-response', 'i5-taxi'],
      ['emergence-agitation-leaving', 'home-taxi'],
    ],
  },
  {
    act: "readiness to leave taken on the patient's word or looks, without the final checks",
    breaches: ['bp-monitored-and-acted-on', 'discharge-by-criteria'],
    severity: 'critical',
    where: [
      ['im-hypertensive-response', 'i5-quick'],
      ['im-hypertensive-response', 'i6-quick'],
      ['esketamine-rems-monitoring', 'int-checks-skip'],
      ['telehealth-home-lozenges', 'ready-word'],
      ['trd-sublingual-first-session', 'i5-ask'],
      ['trd-sublingual-first-session', 'i5-skip'],
      ['ptsd-challenging-experience', 'discharge-quick'],
      ['screening-defer-dosing', 'i-discharge-quick'],
      ['screening-defer-dosing', 'i-handover-quick'],
      ['emergence-agitation-leaving', 'ready-skip'],
      ['emergence-agitation-leaving', 'ready-ask'],
    ],
  },
  {
    act: 'a dosed patient left to walk unaccompanied',
    breaches: ['falls-prevented'],
    severity: 'major',
    where: [
      ['im-hypertensive-response', 'g4-alone'],
      ['telehealth-home-lozenges', 'ready-walk'],
      ['ptsd-challenging-experience', 'water-walk'],
      ['sedation-vomiting-benzodiazepine', 'ready-drink'],
    ],
  },
  {
    act: 'a dosed patient touched in a way not agreed before dosing',
    breaches: ['touch-consent-before-dosing'],
    severity: 'critical',
    where: [
      ['im-hypertensive-response', 'm2-wake'],
      ['im-hypertensive-response', 'g3-hold'],
      ['esketamine-rems-monitoring', 'talk-tears-hand'],
      ['trd-sublingual-first-session', 'm4-touch'],
      ['trd-sublingual-first-session', 'm4-hold'],
      ['ptsd-challenging-experience', 'touch-take-hand'],
    ],
  },
  {
    act: 'the REMS monitoring form left to be completed later from notes',
    breaches: ['records-truthful'],
    severity: 'critical',
    where: [
      ['esketamine-rems-monitoring', 'int-checks-later'],
      ['sedation-vomiting-benzodiazepine', 'record-thin'],
    ],
  },
];

const scenarios = new Map<string, ScenarioV1>(
  shippedScenarioFiles().map((f) => {
    const s = loadScenarioFile(f);
    return [s.id, s];
  }),
);

function optionOf(scenarioId: string, optionId: string) {
  const s = scenarios.get(scenarioId);
  if (!s) throw new Error(`no bundled scenario ${scenarioId}`);
  const options = [
    ...s.phases.flatMap((p) => p.steps.flatMap((st) => st.options)),
    ...s.events.flatMap((e) => e.respond?.options ?? []),
  ];
  const option = options.find((o) => o.id === optionId);
  if (!option) throw new Error(`${scenarioId} has no option ${optionId}`);
  return option;
}

/** The severity class a grading reaches: the most severe floor it would satisfy. */
function severityOf(option: { points?: Record<string, number>; critical?: unknown }): Severity {
  if (option.critical !== undefined) return 'critical';
  const penalty = penaltyOf(option.points);
  if (penalty >= MAJOR_PENALTY) return 'major';
  if (penalty >= MINOR_PENALTY) return 'minor';
  return 'none';
}

describe('the same act is graded the same way in every scenario', () => {
  describe.each(ACTS.map((a) => [a.act, a] as const))('%s', (_, act) => {
    it.each(act.where)('%s %s', (scenarioId, optionId) => {
      const option = optionOf(scenarioId, optionId);
      expect([...(option.standards?.breaches ?? [])].sort()).toEqual(act.breaches);
      expect(severityOf(option)).toBe(act.severity);
      for (const id of act.breaches) expect(option.standards?.meets ?? []).not.toContain(id);
    });
  });

  it('lists each act in more than one scenario', () => {
    for (const act of ACTS) expect(new Set(act.where.map(([s]) => s)).size).toBeGreaterThan(1);
  });
});
