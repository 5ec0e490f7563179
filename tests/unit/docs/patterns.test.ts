/**
 * The "Patterns" section of the authoring guide: each pattern's fragment is taken from a complete
 * scenario in tests/fixtures/authoring/patterns/, which validates cleanly and plays as the guide says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  playHeadless,
  step,
  validate,
  viewSession,
  type HeadlessResult,
} from '../../../src/engine/index.ts';

const guide = readFileSync(new URL('../../../docs/authoring.md', import.meta.url), 'utf8');
const template = readFileSync(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
  'utf8',
);
const PATTERNS = [
  'state-dependent-text',
  'late-disclosure',
  'rest-and-recheck',
  'shared-decision',
  'response-window',
  'crisis-variants',
] as const;
type Pattern = (typeof PATTERNS)[number];

const fixtureText = (p: Pattern) =>
  readFileSync(new URL(`../../fixtures/authoring/patterns/${p}.json`, import.meta.url), 'utf8');

function scenarioOf(p: Pattern) {
  const { scenario, diagnostics } = validate(fixtureText(p));
  expect(diagnostics).toEqual([]);
  return scenario!;
}

function play(p: Pattern, choices: string[]): HeadlessResult {
  return playHeadless(scenarioOf(p), { seed: 1, mode: 'assessment', choices });
}

/** The choices the engine refused in a run, in order. */
function refused(result: HeadlessResult): { optionId: string; reason: string }[] {
  return result.snapshot.context.log
    .toArray()
    .flatMap((e) =>
      !e.accepted && e.event.type === 'trainee.choose'
        ? [{ optionId: e.event.optionId, reason: e.reason ?? '' }]
        : [],
    );
}

/**
 * Each ```json block that follows a `<!-- fixture: NAME; apply: WHERE -->` marker in the guide,
 * with where the guide says to put it in a copy of the template.
 */
function fragments(): { pattern: string; apply: string; json: string }[] {
  const re = /<!-- fixture: ([a-z-]+); apply: ([^>]+?) -->\s*```json\n([\s\S]*?)\n```/g;
  return [...guide.matchAll(re)].map((m) => ({ pattern: m[1]!, apply: m[2]!, json: m[3]! }));
}

/** The edits to the template's own steps a pattern asks for: `<!-- fixture: NAME; edit: WHAT -->`. */
function edits(pattern: string): string[] {
  const re = /<!-- fixture: ([a-z-]+); edit: ([^>]+?) -->/g;
  return [...guide.matchAll(re)].filter((m) => m[1] === pattern).map((m) => m[2]!);
}

type Json = Record<string, unknown>;
type StepJson = Json & { id: string; options: (Json & { id: string })[] };
type ScenarioJson = Json & {
  phases: { id: string; start?: string; steps: StepJson[] }[];
  references: Json[];
  variables: Json[];
  endings: Json[];
  events: Json[];
  patient: Json;
  protocol: Json;
};

/**
 * A fresh copy of the template with a pattern pasted in as the guide says: each fragment where its
 * marker puts it, then each edit of the template's own steps. Fails on a placement it cannot make.
 */
function pasteIntoTemplate(pattern: Pattern): string {
  const scenario = JSON.parse(template) as ScenarioJson;
  scenario.id = pattern;
  pasteFragments(scenario, pattern);
  return JSON.stringify(scenario, null, 2);
}

/** The patterns whose fragments a pattern builds on: `<!-- fixture: NAME; uses: OTHER -->`. */
function uses(pattern: string): Pattern[] {
  const re = /<!-- fixture: ([a-z-]+); uses: ([a-z-]+) -->/g;
  return [...guide.matchAll(re)].filter((m) => m[1] === pattern).map((m) => m[2] as Pattern);
}

function pasteFragments(scenario: ScenarioJson, pattern: Pattern): void {
  for (const other of uses(pattern)) pasteFragments(scenario, other);
  const steps = () => scenario.phases.flatMap((ph) => ph.steps);
  const phaseOf = (stepId: string) => {
    const phase = scenario.phases.find((ph) => ph.steps.some((st) => st.id === stepId));
    expect(phase, `no step ${stepId} in the template`).toBeDefined();
    return phase!;
  };
  for (const f of fragments().filter((x) => x.pattern === pattern)) {
    const value = JSON.parse(f.json) as Json;
    const [verb, ...rest] = f.apply.split(' ');
    const arg = rest.join(' ');
    if (f.apply.startsWith('add to ')) {
      const list = scenario[f.apply.slice('add to '.length)];
      expect(Array.isArray(list), f.apply).toBe(true);
      (list as Json[]).push(value);
    } else if (verb === 'set') {
      const path = arg.split('.');
      let at: Json = scenario;
      for (const key of path.slice(0, -1)) at = at[key] as Json;
      expect(at[path.at(-1)!], f.apply).toBeDefined();
      at[path.at(-1)!] = value;
    } else if (f.apply === 'replace step') {
      const phase = phaseOf(value.id as string);
      phase.steps = phase.steps.map((st) => (st.id === value.id ? (value as StepJson) : st));
    } else if (f.apply.startsWith('step after ')) {
      const after = f.apply.slice('step after '.length);
      const phase = phaseOf(after);
      phase.steps.splice(phase.steps.findIndex((st) => st.id === after) + 1, 0, value as StepJson);
    } else if (f.apply.startsWith('step before ')) {
      const before = f.apply.slice('step before '.length);
      const phase = phaseOf(before);
      phase.steps.splice(
        phase.steps.findIndex((st) => st.id === before),
        0,
        value as StepJson,
      );
    } else if (f.apply.startsWith('option after ')) {
      const after = f.apply.slice('option after '.length);
      const step = steps().find((st) => st.options.some((o) => o.id === after));
      expect(step, `no option ${after} in the template`).toBeDefined();
      const options = step!.options;
      options.splice(options.findIndex((o) => o.id === after) + 1, 0, value as StepJson);
    } else throw new Error(`unknown placement "${f.apply}"`);
  }
  for (const e of edits(pattern)) {
    let m: RegExpMatchArray | null;
    if ((m = /^next of ([a-z-]+) options: ([a-z-]+)$/.exec(e))) {
      const step = steps().find((st) => st.id === m![1]);
      for (const o of step!.options) o.next = m[2];
    } else if ((m = /^no endsPhase on ([a-z-]+) options$/.exec(e))) {
      const step = steps().find((st) => st.id === m![1]);
      for (const o of step!.options) delete o.endsPhase;
    } else if ((m = /^start of the ([a-zA-Z]+) phase: ([a-z-]+)$/.exec(e))) {
      const phase = scenario.phases.find((ph) => ph.id === m![1]);
      expect(phase, e).toBeDefined();
      phase!.start = m[2];
    } else throw new Error(`unknown edit "${e}"`);
  }
}

function containsSubtree(tree: unknown, part: unknown): boolean {
  if (JSON.stringify(tree) === JSON.stringify(part)) return true;
  if (tree && typeof tree === 'object')
    return Object.values(tree).some((child) => containsSubtree(child, part));
  return false;
}

const PREP = ['prep-consent-best', 'prep-screening-best'];

describe('docs/authoring.md patterns', () => {
  it.each(PATTERNS)('%s: the fixture validates with 0 errors and 0 warnings', (p) => {
    expect(validate(fixtureText(p)).diagnostics).toEqual([]);
  });

  it.each(PATTERNS)(
    '%s: its fragments and edits, pasted into the template where the guide says, validate cleanly',
    (p) => {
      const { diagnostics, scenario } = validate(pasteIntoTemplate(p));
      expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      // The pasted copy plays through to the debrief under both strategies.
      for (const strategy of ['best', 'worst'] as const) {
        const result = playHeadless(scenario!, { seed: 1, mode: 'assessment', strategy });
        expect(result.error, `${p} ${strategy}`).toBeUndefined();
      }
    },
  );

  it('the rest-and-recheck path plays the same in the pasted copy of the template', () => {
    const { scenario } = validate(pasteIntoTemplate('rest-and-recheck'));
    const run = playHeadless(scenario!, {
      seed: 1,
      mode: 'assessment',
      choices: [
        ...PREP,
        'admin-vitals-check',
        'admin-dose-give',
        'admin-dose-rest',
        'admin-recheck-give',
        'admin-recheck-check',
        'admin-after-rest-give',
      ],
    });
    expect(refused(run).map((r) => r.optionId)).toEqual(['admin-dose-give', 'admin-recheck-give']);
    expect(run.snapshot.context.facts.dosed).toBe(true);
  });

  it('quotes at least one fragment of every pattern, each a sub-tree of its fixture', () => {
    const found = fragments();
    expect(new Set(found.map((f) => f.pattern))).toEqual(new Set(PATTERNS));
    for (const { pattern, json } of found) {
      expect(PATTERNS as readonly string[]).toContain(pattern);
      const fixture: unknown = JSON.parse(fixtureText(pattern as Pattern));
      expect(containsSubtree(fixture, JSON.parse(json)), `${pattern}: ${json}`).toBe(true);
    }
  });

  it('state-dependent text: the reading is mentioned only once it was taken', () => {
    const taken = play('state-dependent-text', [...PREP, 'admin-vitals-check']);
    expect(taken.view.step?.id).toBe('admin-dose');
    expect(taken.view.step?.text).toContain('blood pressure is on the chart');
    const skipped = play('state-dependent-text', [...PREP, 'admin-vitals-skip']);
    expect(skipped.view.step?.id).toBe('admin-dose');
    expect(skipped.view.step?.text).toContain('No blood pressure has been taken');
  });

  it('late disclosure: the dose step follows what was disclosed', () => {
    const heard = play('late-disclosure', [...PREP, 'admin-vitals-check', 'admin-settle-listen']);
    expect(heard.view.step?.text).toContain('bottle of wine');
    const offered = heard.view.options.map((o) => o.id);
    expect(offered).toContain('admin-dose-give-anyway');
    expect(offered).not.toContain('admin-dose-give');

    const deferred = play('late-disclosure', [
      ...PREP,
      'admin-vitals-check',
      'admin-settle-listen',
      'admin-dose-defer',
    ]);
    expect(deferred.report.ending?.id).toBe('dose-deferred');
    expect(deferred.report.passed).toBe(true);
    expect(deferred.report.decisions.at(-1)!.feedback).toContain('after the disclosure');
    const listened = deferred.report.decisions.find((d) => d.optionId === 'admin-settle-listen')!;
    expect(listened.standards?.meets).toContain('fitness-on-the-day');

    const dosed = play('late-disclosure', [
      ...PREP,
      'admin-vitals-check',
      'admin-settle-listen',
      'admin-dose-give-anyway',
    ]);
    const dose = dosed.report.decisions.find((d) => d.optionId === 'admin-dose-give-anyway')!;
    expect(dose.standards?.breaches).toContain('fitness-on-the-day');

    const unheard = play('late-disclosure', [...PREP, 'admin-vitals-check', 'admin-settle-later']);
    expect(unheard.view.step?.text).not.toContain('bottle of wine');
    expect(unheard.view.options.map((o) => o.id)).toContain('admin-dose-give');
    const plainDefer = play('late-disclosure', [
      ...PREP,
      'admin-vitals-check',
      'admin-settle-later',
      'admin-dose-defer',
    ]);
    expect(plainDefer.report.decisions.at(-1)!.feedback).not.toContain('after the disclosure');
  });

  it('rest and recheck: the dose is refused until the resting recheck, then given', () => {
    const run = play('rest-and-recheck', [
      ...PREP,
      'admin-vitals-check',
      'admin-dose-give',
      'admin-dose-rest',
      'admin-recheck-give',
      'admin-recheck-check',
      'admin-after-rest-give',
    ]);
    expect(refused(run).map((r) => r.optionId)).toEqual(['admin-dose-give', 'admin-recheck-give']);
    expect(refused(run)[1]!.reason).toContain('recheck');
    expect(run.snapshot.context.facts.dosed).toBe(true);
  });

  it('rest and recheck: the recheck step comes when the rest ends, however late it was chosen', () => {
    let now = play('rest-and-recheck', [...PREP, 'admin-vitals-check']).snapshot;
    expect(viewSession(now).step?.id).toBe('admin-dose');
    now = step(now, { type: 'clock.advance', minutes: 10 });
    const chosenAt = now.context.clock;
    now = step(now, { type: 'trainee.choose', optionId: 'admin-dose-rest' });
    while (viewSession(now).step === null && now.context.clock < 60)
      now = step(now, { type: 'clock.advance', minutes: 1 });
    expect(viewSession(now).step?.id).toBe('admin-recheck');
    expect(now.context.clock).toBe(chosenAt + 15);
    now = step(now, { type: 'trainee.choose', optionId: 'admin-recheck-check' });
    expect(now.context.recheckFrom).toBeNull();
    expect(viewSession(now).step?.id).toBe('admin-after-rest');
  });

  it.each(['prep-decision-proceed', 'prep-decision-postpone'])(
    'shared decision: the ending reached through %s passes',
    (choice) => {
      const result = playHeadless(scenarioOf('shared-decision'), {
        seed: 1,
        mode: 'assessment',
        choices: [...PREP, choice],
        strategy: 'best',
      });
      expect(result.ok).toBe(true);
      expect(result.report.passed).toBe(true);
      expect(result.report.ending?.id).toBe(
        choice === 'prep-decision-postpone' ? 'postponed' : 'discharged',
      );
    },
  );

  it('response window: an answer in time counts; a missed window records its consequence', () => {
    const dosed = [...PREP, 'admin-vitals-check', 'admin-dose-give'];
    const answered = play('response-window', [...dosed, 'vomit-side']);
    const answer = answered.report.decisions.find((d) => d.eventId === 'vomit')!;
    expect(answer.kind).toBe('event');
    expect(answered.report.criticalErrors).toEqual([]);

    const missed = play('response-window', [...dosed, 'mon-peak-check']);
    const miss = missed.report.decisions.find((d) => d.eventId === 'vomit')!;
    expect(miss.kind).toBe('missedEvent');
    expect(miss.points).toEqual({ safety: -5 });
    expect(miss.standards?.breaches).toEqual(['airway-first']);
    expect(missed.report.criticalErrors.map((c) => c.eventId)).toEqual(['vomit']);
    expect(missed.report.passed).toBe(false);
  });

  it('crisis variants: a missed event changes the step on screen and hides the calm option', () => {
    const dosed = [...PREP, 'admin-vitals-check', 'admin-dose-give'];
    const calm = play('crisis-variants', dosed).view;
    expect(calm.step).toMatchObject({ id: 'mon-drift', affect: 'drifting, calm' });
    expect(calm.options.map((o) => o.id)).toEqual(['mon-drift-silence', 'mon-drift-ask']);

    // Let the vomiting event fire at minute 30 and its two-minute window pass unanswered.
    let now = play('crisis-variants', dosed).snapshot;
    while (viewSession(now).openEvents.length === 0 && viewSession(now).minute! < 40)
      now = step(now, { type: 'clock.advance', minutes: 1 });
    const run = { view: viewSession(now), snapshot: now };
    expect(run.view.openEvents.map((e) => e.id)).toEqual(['vomit']);
    // While the event is open the step still shows, with the calm option held back.
    expect(run.view.step?.id).toBe('mon-drift');
    expect(run.view.options.map((o) => o.id)).toEqual(['mon-drift-ask']);
    let after = run.snapshot;
    for (let i = 0; i < 3; i++) after = step(after, { type: 'clock.advance', minutes: 1 });
    const missed = viewSession(after);
    expect(missed.openEvents).toEqual([]);
    expect(missed.step).toMatchObject({ id: 'mon-drift', affect: 'choking, frightened' });
    expect(missed.options.map((o) => o.id)).toEqual(['mon-drift-turn', 'mon-drift-ask']);
  });
});
