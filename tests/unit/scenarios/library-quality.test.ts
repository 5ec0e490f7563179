/**
 * The quality bar every bundled scenario must meet before a trainee plays it: it validates
 * cleanly, every step can be reached, it has enough real decisions, it explains and sources its
 * feedback, its patient is plausible, and the engine confirms that skilled play passes while
 * harmful play fails. Templates are not part of the library and are not checked here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  validate,
  Protocol,
  VISIT_PHASES,
  type ScenarioV1,
} from '../../../src/engine/format/index.ts';
import { listScenarioFiles } from '../../../src/engine/library.ts';
import { analyze } from '../../../src/engine/analysis/analyze.ts';
import {
  playHeadless,
  type HeadlessResult,
  type Strategy,
} from '../../../src/engine/play/headless.ts';
import { patientGroupOf } from '../session/fixtures.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const audioDir = fileURLToPath(new URL('../../../public/audio/', import.meta.url));
const knownAudioFiles = existsSync(audioDir) ? readdirSync(audioDir) : [];

/** Bundled scenarios: the JSON files directly in scenarios/, without the schema or course files. */
const files = listScenarioFiles(readdirSync(dir)).map((e) => e.file);

/** The visit's kind (format 2); a scenario without one is a dosing visit. */
const kindOf = (s: ScenarioV1) => s.visit?.kind ?? 'dosing';

/** The real instruments' score ranges, as published for each questionnaire. */
const INSTRUMENT_RANGE: Record<string, [number, number]> = {
  'PHQ-9': [0, 27],
  'GAD-7': [0, 21],
  'PCL-5': [0, 80],
  MADRS: [0, 60],
};

const SEEDS = [1, 424242];

type Option = ScenarioV1['phases'][number]['steps'][number]['options'][number];
type Missed = NonNullable<ScenarioV1['events'][number]['respond']>['missed'];

const loaded = new Map<string, ReturnType<typeof validate>>();
function validated(file: string) {
  let result = loaded.get(file);
  if (!result) {
    result = validate(readFileSync(dir + file, 'utf8'), { knownAudioFiles });
    loaded.set(file, result);
  }
  return result;
}

function scenarioOf(file: string): ScenarioV1 {
  const { scenario, diagnostics } = validated(file);
  if (!scenario) {
    const first = diagnostics.find((d) => d.severity === 'error');
    throw new Error(`${file} does not validate: ${first?.line}:${first?.column} ${first?.message}`);
  }
  return scenario;
}

const runs = new Map<string, HeadlessResult>();
function play(file: string, strategy: Strategy, seed: number): HeadlessResult {
  const key = `${file}|${strategy}|${seed}`;
  let run = runs.get(key);
  if (!run) {
    run = playHeadless(scenarioOf(file), { seed, mode: 'assessment', strategy });
    runs.set(key, run);
  }
  return run;
}

const stepOptions = (s: ScenarioV1): Option[] =>
  s.phases.flatMap((p) => p.steps.flatMap((st) => st.options));
const eventOptions = (s: ScenarioV1): Option[] => s.events.flatMap((e) => e.respond?.options ?? []);
const missedConsequences = (s: ScenarioV1): { id: string; missed: Missed }[] =>
  s.events.flatMap((e) => (e.respond ? [{ id: e.id, missed: e.respond.missed }] : []));

/** An option's total weighted by the competency weights: what ranks it against the others. */
function weighted(s: ScenarioV1, points: Record<string, number> | undefined): number {
  const weight = new Map(s.competencies.map((c) => [c.id, c.weight]));
  return Object.entries(points ?? {}).reduce((sum, [id, p]) => sum + (weight.get(id) ?? 0) * p, 0);
}

const tooFewLevels = (s: ScenarioV1, id: string, options: Option[]) =>
  new Set(options.map((o) => weighted(s, o.points))).size < 3 ? [id] : [];

describe('the scenario library', () => {
  it('ships at least five scenarios, each with a different patient (a course shares one)', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const groupOf = patientGroupOf();
    const byGroup = new Map(files.map((f) => [groupOf(f), scenarioOf(f).patient.name]));
    const names = [...byGroup.values()];
    expect(new Set(names).size, `patients: ${names.join(', ')}`).toBe(names.length);
  });

  it('teaches every route in a scenario that doses, and the screening case never doses on its best path', () => {
    const routes: string[] = [];
    const undosed: string[] = [];
    // Preparation and integration visits never dose, by their kind; the rule is about dosing visits.
    for (const file of files.filter((f) => kindOf(scenarioOf(f)) === 'dosing')) {
      const best = play(file, 'best', SEEDS[0]!);
      if (best.snapshot.context.facts.dosed) {
        routes.push(scenarioOf(file).protocol.route);
      } else {
        undosed.push(file);
        expect(['deferred', 'referred'], `${file} ends its best path without a dose`).toContain(
          best.report.ending?.kind,
        );
      }
    }
    const allRoutes = Protocol.properties.route.anyOf.map((r) => r.const);
    expect([...new Set(routes)].sort(), `routes: ${routes.join(', ')}`).toEqual(allRoutes.sort());
    expect(undosed.length, 'a scenario whose skilled path defers or refers').toBeGreaterThanOrEqual(
      1,
    );
  });
});

describe.each(files)('%s', (file) => {
  it('validates with no errors and no warnings', () => {
    const problems = validated(file).diagnostics.map(
      (d) => `${d.severity} ${d.line}:${d.column} ${d.code} ${d.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('lets the trainee reach every phase and every step', () => {
    const s = scenarioOf(file);
    const analysis = analyze(s);
    expect(analysis.phases.map((p) => p.id)).toEqual([...VISIT_PHASES[kindOf(s)]]);
    for (const phase of analysis.phases) {
      expect(phase.reachable, `${phase.id} can be entered`).toBe(true);
      expect(phase.unreachableSteps, `unreachable steps in ${phase.id}`).toEqual([]);
    }
  });

  it('asks for at least 20 decisions (10 in a one-phase visit), at least 3 in every phase', () => {
    const s = scenarioOf(file);
    const phases = VISIT_PHASES[kindOf(s)];
    const perPhase = Object.fromEntries(s.phases.map((p) => [p.id, p.steps.length]));
    expect(s.phases.reduce((n, p) => n + p.steps.length, 0)).toBeGreaterThanOrEqual(
      phases.length === 1 ? 10 : 20,
    );
    for (const id of phases)
      expect(perPhase[id] ?? 0, `decisions in ${id}`).toBeGreaterThanOrEqual(3);
  });

  it('offers a best, a weaker and a poor choice at every decision', () => {
    const s = scenarioOf(file);
    const steps = s.phases.flatMap((p) => p.steps);
    const short = steps.filter((st) => st.options.length < 3).map((st) => st.id);
    expect(short, 'steps with fewer than 3 options').toEqual([]);
    const flat = [
      ...steps.flatMap((st) => tooFewLevels(s, st.id, st.options)),
      ...s.events.flatMap((e) => (e.respond ? tooFewLevels(s, e.id, e.respond.options) : [])),
    ];
    expect(flat, 'decisions without three different score levels').toEqual([]);
  });

  it('has an event (after dosing, in a dosing visit) that needs a response in time, scored when missed, and met in play', () => {
    const s = scenarioOf(file);
    const timed = s.events.filter(
      (e) =>
        e.respond &&
        e.respond.options.length > 0 &&
        (e.respond.missed.critical !== undefined ||
          Object.values(e.respond.missed.points ?? {}).some((p) => p < 0)),
    );
    expect(timed.map((e) => e.id)).not.toEqual([]);
    const ids = new Set(timed.map((e) => e.id));
    const met = SEEDS.flatMap((seed) =>
      (['best', 'worst'] as const).map((how) => play(file, how, seed)),
    )
      .flatMap((r) => r.report.decisions)
      .filter((d) => (d.kind === 'event' || d.kind === 'missedEvent') && ids.has(d.eventId ?? ''));
    expect(met.length, 'a timed event fires in the best or worst play').toBeGreaterThan(0);
  });

  it('marks at least one choice as a critical error and explains why', () => {
    const s = scenarioOf(file);
    const critical = [...stepOptions(s), ...eventOptions(s)].filter((o) => o.critical);
    expect(critical.length).toBeGreaterThan(0);
    for (const o of critical) expect(o.critical!.explanation.trim(), o.id).not.toBe('');
  });

  it('explains every choice and every missed response, citing its sources', () => {
    const s = scenarioOf(file);
    const unexplained = [...stepOptions(s), ...eventOptions(s)]
      .filter((o) => !o.feedback?.trim() || !o.references?.length)
      .map((o) => o.id);
    const missed = missedConsequences(s)
      .filter(({ missed }) => !missed.feedback?.trim())
      .map(({ id }) => `${id}.missed`);
    expect([...unexplained, ...missed]).toEqual([]);
  });

  it('cites only its own references, and cites every one of them', () => {
    const s = scenarioOf(file);
    const listed = new Set(s.references.map((r) => r.id));
    const cited = new Map<string, string[]>();
    const cite = (where: string, refs: string[] | undefined) => {
      for (const r of refs ?? []) cited.set(r, [...(cited.get(r) ?? []), where]);
    };
    for (const o of [...stepOptions(s), ...eventOptions(s)]) cite(o.id, o.references);
    for (const { id, missed } of missedConsequences(s)) cite(`${id}.missed`, missed.references);
    for (const check of s.protocol.monitoring) cite(check.id, check.references);
    const unknown = [...cited]
      .filter(([r]) => !listed.has(r))
      .map(([r, where]) => `${r} (${where.join(', ')})`);
    const uncited = [...listed].filter((r) => !cited.has(r));
    expect(unknown, 'cited but not listed').toEqual([]);
    expect(uncited, 'listed but never cited').toEqual([]);
  });

  it("gives the patient baseline measures within the real instruments' ranges", () => {
    const { measures } = scenarioOf(file).patient;
    expect(measures.length).toBeGreaterThan(0);
    for (const m of measures) {
      const [lo, hi] = INSTRUMENT_RANGE[m.instrument]!;
      expect(m.score, `${m.instrument} score`).toBeGreaterThanOrEqual(lo);
      expect(m.score, `${m.instrument} score`).toBeLessThanOrEqual(hi);
    }
  });

  it('lists content warnings for the trainee', () => {
    const warnings = scenarioOf(file).contentWarnings;
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.trim()).not.toBe('');
  });

  it.each(SEEDS)('passes when played with the best choices (seed %i)', (seed) => {
    const run = play(file, 'best', seed);
    expect(run.error, 'the run reaches the debrief').toBeUndefined();
    expect(run.ok).toBe(true);
    expect(run.report.ending, 'an ending is reached').not.toBeNull();
    expect(run.report.criticalErrors).toEqual([]);
    expect(run.report.passed).toBe(true);
  });

  it.each(SEEDS)(
    'fails with a critical error when played with the worst choices (seed %i)',
    (seed) => {
      const run = play(file, 'worst', seed);
      expect(run.error, 'the run reaches the debrief').toBeUndefined();
      expect(run.report.passed).toBe(false);
      expect(run.report.criticalErrors.length).toBeGreaterThan(0);
    },
  );
});
