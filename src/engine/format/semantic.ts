/**
 * Semantic checks: what a schema cannot say. Ids are unique and resolve, every step can be
 * reached and can reach its phase's end, phases come in order, times fall inside the session,
 * values have the declared types. Written defensively: it runs on documents that may also have
 * schema errors, and never throws on them. Linear in the size of the scenario.
 */
import { startsRecheckClock } from './recheck-clock.ts';
import {
  INSTRUMENT_RANGES,
  PHASE_IDS,
  SETTING_VALUES,
  VISIT_PHASES,
  type VisitKind,
} from './schema.ts';
import { error, pointer, warning, type Finding } from './diagnostics.ts';
import { didYouMean } from './suggest.ts';
import { standardsFindings } from './standards-check.ts';
import { authoringFindings } from './authoring-checks.ts';
import { objectItems } from './object-items.ts';

type Json = Record<string, unknown>;
type Seg = string | number;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = objectItems;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const has = (o: Json, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The steps reachable from `start` along `nexts` (per step: the steps it leads to), as flags. */
function forwardFrom(start: number, nexts: readonly (readonly number[])[]): Uint8Array {
  const reached = new Uint8Array(nexts.length);
  const stack = [start];
  reached[start] = 1;
  while (stack.length > 0) {
    for (const n of nexts[stack.pop()!]!) {
      if (!reached[n]) {
        reached[n] = 1;
        stack.push(n);
      }
    }
  }
  return reached;
}

export interface SemanticOptions {
  /** File names present under public/audio/; when given, media files must be among them. */
  knownAudioFiles?: readonly string[];
}

/**
 * What the checks of one step found (its own findings, the competencies it scores, where its
 * options lead), with what they depended on: its place and everything outside it they read.
 */
interface StepCheck {
  p: number;
  s: number;
  context: string;
  findings: Finding[];
  scored: string[];
  scoresSafety: boolean;
  /** Per option: leaves the phase, leads to a step id (to resolve in the phase), or neither. */
  targets: ('exit' | { next: string; path: Seg[] } | undefined)[];
  /** Per option: whether it asks for a rest (action "delayDose"), starting the recheck clock. */
  rests: boolean[];
  /** Whether an option that asks for no rest ends the phase (the next phase is entered unrested). */
  endsPhaseUnrested: boolean;
  /** Whether the step's `atMinute` counts on the recheck clock. */
  onRecheckClock: boolean;
}

/**
 * Step checks kept between runs on documents that share step objects (the incremental
 * validator's): a step whose object, place and context are unchanged is not checked again.
 */
export type StepChecks = WeakMap<object, StepCheck>;

/**
 * The semantic findings of a document (migrated, implied values filled in). `cache`, when given,
 * keeps each step's checks for the next run (see StepChecks); the findings are the same.
 */
export function semanticFindings(
  doc: Json,
  options: SemanticOptions = {},
  cache?: StepChecks,
): Finding[] {
  return new Checker(doc, options, cache).run();
}

class Checker {
  private out: Finding[] = [];
  /** Step id → index of its phase (first occurrence). */
  private readonly steps = new Map<string, number>();
  private readonly endings = new Set<string>();
  private readonly references = new Set<string>();
  private readonly competencies = new Set<string>();
  private readonly variables = new Map<string, 'flag' | 'number' | undefined>();
  private readonly audio = new Set<string>();
  /** Competencies some decision gives non-zero points in. */
  private scored = new Set<string>();
  /** The ids of the events (for conditions that name one). */
  private eventIds: string[] | undefined;
  /**
   * Whether the phase checked next can be entered on a path where no step option has asked for
   * a rest (`delayDose`) yet: the recheck clock is not started there.
   */
  private unrestedEntry = true;

  constructor(
    private readonly doc: Json,
    private readonly options: SemanticOptions,
    private readonly cache?: StepChecks,
  ) {}

  run(): Finding[] {
    this.collectIds();
    this.checkPhaseOrder();
    this.checkProtocol();
    this.checkPatient();
    this.checkVariables();
    this.checkMedia();
    objects(this.doc.phases).forEach(([phase, i]) => this.checkPhase(phase, i));
    objects(this.doc.events).forEach(([event, i]) => this.checkEvent(event, i));
    this.checkCompetenciesScored();
    this.out.push(...standardsFindings(this.doc));
    this.out.push(...authoringFindings(this.doc));
    return this.out;
  }

  private err(code: string, path: Seg[], message: string, hint?: string) {
    this.out.push(error(code, pointer(...path), message, hint));
  }

  private warn(code: string, path: Seg[], message: string, hint?: string) {
    this.out.push(warning(code, pointer(...path), message, hint));
  }

  /**
   * Registers ids of one kind, reporting duplicates at each later occurrence. `pathOf(k)` is the
   * path of `items[k]` (built only for a duplicate: this runs for every step and option).
   */
  private register(
    kind: string,
    items: Json[],
    pathOf: (k: number) => Seg[],
    into: Set<string>,
    onNew?: (id: string, item: Json, k: number) => void,
  ) {
    const firstAt = new Map<string, number>();
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      const id = str(item.id);
      if (id === undefined) continue;
      const first = firstAt.get(id);
      if (first !== undefined) {
        this.err(
          'DUPLICATE_ID',
          [...pathOf(k), 'id'],
          `The ${kind} id "${id}" is used more than once.`,
          `First used at ${pointer(...pathOf(first))}; ${kind} ids must be unique in the scenario.`,
        );
        continue;
      }
      firstAt.set(id, k);
      into.add(id);
      onNew?.(id, item, k);
    }
  }

  /** Registers the ids of the objects of one list of the document, at `prefix`. */
  private registerList(
    kind: string,
    list: unknown,
    prefix: Seg[],
    into: Set<string>,
    onNew?: (id: string, item: Json) => void,
  ) {
    const items = objects(list);
    this.register(
      kind,
      items.map(([item]) => item),
      (k) => [...prefix, items[k]![1]],
      into,
      onNew,
    );
  }

  private collectIds() {
    const d = this.doc;
    const protocol = isObject(d.protocol) ? d.protocol : {};
    const media = isObject(d.media) ? d.media : {};
    this.registerList('reference', d.references, ['references'], this.references);
    this.registerList('competency', d.competencies, ['competencies'], this.competencies);
    this.registerList('variable', d.variables, ['variables'], new Set(), (id, v) =>
      this.variables.set(id, v.type === 'flag' || v.type === 'number' ? v.type : undefined),
    );
    this.registerList('ending', d.endings, ['endings'], this.endings);
    this.registerList('audio clip', media.audio, ['media', 'audio'], this.audio);
    this.registerList(
      'monitoring check',
      protocol.monitoring,
      ['protocol', 'monitoring'],
      new Set(),
    );
    this.registerList('event', d.events, ['events'], new Set());
    // Steps and options, with where each is (phase, step and option indexes; -1 - e for the
    // options of event e).
    const stepItems: Json[] = [];
    const stepAt: [number, number][] = [];
    const optionItems: Json[] = [];
    const optionAt: [number, number, number][] = [];
    for (const [phase, p] of objects(d.phases)) {
      for (const [step, s] of objects(phase.steps)) {
        stepItems.push(step);
        stepAt.push([p, s]);
        for (const [option, o] of objects(step.options)) {
          optionItems.push(option);
          optionAt.push([p, s, o]);
        }
      }
    }
    for (const [event, e] of objects(d.events)) {
      const respond = isObject(event.respond) ? event.respond : {};
      for (const [option, o] of objects(respond.options)) {
        optionItems.push(option);
        optionAt.push([-1 - e, 0, o]);
      }
    }
    this.register(
      'step',
      stepItems,
      (k) => ['phases', stepAt[k]![0], 'steps', stepAt[k]![1]],
      new Set(),
      (id, _step, k) => this.steps.set(id, stepAt[k]![0]),
    );
    this.register(
      'option',
      optionItems,
      (k) => {
        const [p, s, o] = optionAt[k]!;
        return p >= 0
          ? ['phases', p, 'steps', s, 'options', o]
          : ['events', -1 - p, 'respond', 'options', o];
      },
      new Set(),
    );
  }

  private checkPhaseOrder() {
    const phases = objects(this.doc.phases);
    if (!Array.isArray(this.doc.phases)) return;
    const seen = new Map<string, number>();
    let highest = -1;
    for (const [phase, i] of phases) {
      const id = str(phase.id);
      const rank = id === undefined ? -1 : (PHASE_IDS as readonly string[]).indexOf(id);
      if (rank < 0 || id === undefined) continue;
      if (seen.has(id)) {
        this.err(
          'PHASE_DUPLICATE',
          ['phases', i, 'id'],
          `The phase "${id}" appears more than once.`,
          `First at /phases/${seen.get(id)}; merge the two.`,
        );
        continue;
      }
      seen.set(id, i);
      if (rank < highest) {
        this.err(
          'PHASE_ORDER',
          ['phases', i, 'id'],
          `The phase "${id}" is out of order.`,
          `Phases go in this order: ${PHASE_IDS.join(', ')}.`,
        );
      }
      highest = Math.max(highest, rank);
    }
    const kind = this.visitKind();
    const expected = VISIT_PHASES[kind];
    const absent = expected.filter((p) => !seen.has(p));
    if (absent.length > 0) {
      this.err(
        'PHASE_MISSING',
        ['phases'],
        `Missing phase${absent.length > 1 ? 's' : ''}: ${absent.join(', ')}.`,
        kind === 'dosing'
          ? `A scenario has all five phases: ${PHASE_IDS.join(', ')}.`
          : `A ${kind} visit has the phases: ${expected.join(', ')}.`,
      );
    }
    const extra = [...seen.keys()].filter((p) => !(expected as readonly string[]).includes(p));
    if (extra.length > 0) {
      this.err(
        'PHASE_NOT_IN_VISIT',
        ['phases'],
        `A ${kind} visit has no ${extra.join(' or ')} phase.`,
        `Its phases are: ${expected.join(', ')}; or change "visit.kind".`,
      );
    }
    for (const p of expected) {
      if (isObject(this.doc.debrief) && this.doc.debrief[p] === undefined)
        this.err(
          'DEBRIEF_MISSING',
          ['debrief'],
          `There is no expert commentary for the ${p} phase.`,
          `Add "debrief.${p}".`,
        );
    }
  }

  /** The kind of visit the scenario declares (a dosing visit when it declares none). */
  private visitKind(): VisitKind {
    const visit = this.doc.visit;
    const kind = isObject(visit) ? visit.kind : undefined;
    return kind === 'preparation' || kind === 'integration' ? kind : 'dosing';
  }

  private checkPhase(phase: Json, p: number) {
    const phaseId = str(phase.id);
    if (!Array.isArray(phase.steps)) return; // reported by the schema check
    const stepList = objects(phase.steps);
    // Local graph of this phase's steps (first occurrence of each id).
    const local = new Map<string, number>();
    for (const [step, s] of stepList) {
      const id = str(step.id);
      if (id !== undefined && this.steps.get(id) === p && !local.has(id)) local.set(id, s);
    }
    const size = list(phase.steps).length;
    const nexts: number[][] = Array.from({ length: size }, () => []);
    const exits = new Uint8Array(size);
    // The same graph without the options that ask for a rest, and where it ends the phase
    // (checkRecheckClock).
    const unrested = { nexts: nexts.map(() => [] as number[]), exits: new Uint8Array(size) };
    const onRecheckClock = new Uint8Array(size);
    let scoresSafety = false;
    const safety = this.competencies.has('safety');
    const context = this.stepContext(phaseId);
    for (const [step, s] of stepList) {
      const check = this.checkStep(step, p, s, phaseId, context);
      for (const f of check.findings) this.out.push(f);
      for (const c of check.scored) this.scored.add(c);
      if (check.scoresSafety) scoresSafety = true;
      if (check.onRecheckClock) onRecheckClock[s] = 1;
      if (check.endsPhaseUnrested) unrested.exits[s] = 1;
      for (const [o, target] of check.targets.entries()) {
        const rests = check.rests[o] === true;
        if (target === 'exit') exits[s] = 1;
        else if (target !== undefined) {
          const n = local.get(target.next);
          if (n === undefined) this.unresolvedStep(target.next, target.path, local, 'next step');
          else {
            nexts[s]!.push(n);
            if (!rests) unrested.nexts[s]!.push(n);
          }
        }
      }
    }
    if (safety && phaseId !== undefined && !scoresSafety) {
      this.warn(
        'PHASE_WITHOUT_SAFETY',
        ['phases', p],
        `No decision in the ${phaseId} phase affects the "safety" competency.`,
        'Give some option points in "safety", positive or negative.',
      );
    }
    const startId = str(phase.start);
    if (startId === undefined) return;
    const start = local.get(startId);
    if (start === undefined) {
      this.unresolvedStep(startId, ['phases', p, 'start'], local, 'start step');
      return;
    }
    // Forward reachability from the start step.
    const reached = forwardFrom(start, nexts);
    this.checkRecheckClock(p, stepList, start, unrested, onRecheckClock);
    const stack: number[] = [];
    // Backward reachability from the steps that can end the phase.
    const back: number[][] = Array.from({ length: size }, () => []);
    for (let s = 0; s < size; s++) for (const n of nexts[s]!) back[n]!.push(s);
    const ends = new Uint8Array(size);
    for (let s = 0; s < size; s++) {
      if (exits[s]) {
        ends[s] = 1;
        stack.push(s);
      }
    }
    while (stack.length > 0) {
      for (const n of back[stack.pop()!]!) {
        if (!ends[n]) {
          ends[n] = 1;
          stack.push(n);
        }
      }
    }
    for (const [step, s] of stepList) {
      const id = str(step.id) ?? `#${s}`;
      if (!reached[s]) {
        this.err(
          'UNREACHABLE_STEP',
          ['phases', p, 'steps', s, 'id'],
          `The step "${id}" cannot be reached from the start of the ${phaseId ?? 'phase'} phase.`,
          `Point an option's "next" at it, or remove it.`,
        );
      } else if (!ends[s]) {
        this.err(
          'DEAD_END',
          ['phases', p, 'steps', s, 'id'],
          `From the step "${id}" the ${phaseId ?? 'phase'} phase can never end: every path from here stops or loops.`,
          'Give an option on this path "endsPhase": true, an "ending", or a "next" step that leads on.',
        );
      }
    }
  }

  /**
   * A step whose `atMinute` counts on the recheck clock but can be reached on a path where no
   * step option has asked for a rest (`delayDose`) before it is due at once there, whatever its
   * minute: warned. Paths run through the phases in order, along the step options' targets;
   * event options (an event may not fire) and withdrawals are not counted as resting. Notes
   * whether the next phase can be entered without a rest.
   */
  private checkRecheckClock(
    p: number,
    stepList: [Json, number][],
    start: number,
    unrested: { nexts: number[][]; exits: Uint8Array },
    onRecheckClock: Uint8Array,
  ) {
    if (!this.unrestedEntry) return;
    const reached = forwardFrom(start, unrested.nexts);
    this.unrestedEntry = reached.some((r, s) => r === 1 && unrested.exits[s] === 1);
    for (const [step, s] of stepList) {
      if (!reached[s] || !onRecheckClock[s]) continue;
      this.warn(
        'RECHECK_WITHOUT_REST',
        ['phases', p, 'steps', s, 'from'],
        `The step "${str(step.id) ?? ''}" counts its "atMinute" from the end of a rest ("from": "recheck"), but on some path no option starting the recheck clock (a "delayDose", or a "giveMedication" with "recheckAfterMinutes") comes before it: there it is due at once.`,
        'Reach it only through such options, or count its minute on the arrival clock.',
      );
    }
  }

  /**
   * Everything the checks of a step read outside the step (besides where its "next" ids lead,
   * resolved by the caller): a step checked in the same context finds the same.
   */
  private stepContext(phaseId: string | undefined): string {
    const protocol = isObject(this.doc.protocol) ? this.doc.protocol : undefined;
    return JSON.stringify([
      phaseId,
      this.sessionMinutes(),
      protocol ? str(protocol.route) : undefined,
      [...this.audio],
      [...this.endings],
      [...this.competencies],
      [...this.references],
      [...this.variables],
      this.events(),
    ]);
  }

  /** The checks of one step, or what they found last time in the same place and context. */
  private checkStep(
    step: Json,
    p: number,
    s: number,
    phaseId: string | undefined,
    context: string,
  ): StepCheck {
    const cached = this.cache?.get(step);
    if (cached && cached.p === p && cached.s === s && cached.context === context) return cached;
    // The checks report into `out` and `scored`: give them the step's own for a while.
    const [out, scored] = [this.out, this.scored];
    this.out = [];
    this.scored = new Set();
    const targets: StepCheck['targets'] = [];
    const rests: boolean[] = [];
    let endsPhaseUnrested = false;
    let scoresSafety = false;
    const safety = this.competencies.has('safety');
    const stepPath: Seg[] = ['phases', p, 'steps', s];
    if (has(step, 'audio')) this.resolveAudio(step.audio, [...stepPath, 'audio']);
    const at = num(step.atMinute);
    // On the arrival clock (format 2) a step may wait in any phase, before or after the dose; on
    // the recheck clock too (its minute is known only in play: checkRecheckClock).
    if (at !== undefined && step.from !== 'arrival' && step.from !== 'recheck') {
      this.checkInSession(at, [...stepPath, 'atMinute'], 'This step');
      // A misspelt `from` is the schema's error (SCHEMA_ENUM): no second message about it.
      const onDoseClock = step.from === undefined || step.from === 'dose';
      if (onDoseClock && (phaseId === 'preparation' || phaseId === 'administration')) {
        this.warn(
          'AT_MINUTE_BEFORE_DOSE',
          [...stepPath, 'atMinute'],
          `"atMinute" counts on the dose clock, which has not started in the ${phaseId} phase: it has no effect.`,
          'Time it with "from": "arrival" (minutes since arrival) or "from": "recheck" (minutes after the rest chosen ends), move the step to a later phase, or remove it.',
        );
      }
    }
    if (step.variants !== undefined) this.checkVariants(step.variants, [...stepPath, 'variants']);
    if (isObject(step.expires)) this.checkExpires(step.expires, [...stepPath, 'expires']);
    for (const [option, o] of objects(step.options)) {
      const optionPath = [...stepPath, 'options', o];
      this.checkOption(option, optionPath, false);
      targets.push(this.checkStepTarget(option, optionPath, phaseId));
      rests.push(startsRecheckClock(option));
      if (option.endsPhase === true && !startsRecheckClock(option)) endsPhaseUnrested = true;
      if (safety && isObject(option.points) && num(option.points.safety)) scoresSafety = true;
    }
    const check: StepCheck = {
      p,
      s,
      context,
      findings: this.out,
      scored: [...this.scored],
      scoresSafety,
      targets,
      rests,
      endsPhaseUnrested,
      onRecheckClock: at !== undefined && step.from === 'recheck',
    };
    [this.out, this.scored] = [out, scored];
    this.cache?.set(step, check);
    return check;
  }

  /**
   * Checks where a step option leads; returns 'exit', the step id it leads to (with the path of
   * its "next", for the caller to resolve in the phase), or undefined.
   */
  private checkStepTarget(
    option: Json,
    path: Seg[],
    phaseId: string | undefined,
  ): 'exit' | { next: string; path: Seg[] } | undefined {
    const targets = ['next', 'endsPhase', 'ending'].filter((k) => has(option, k));
    if (targets.length === 0) {
      this.err(
        'OPTION_TARGET',
        path,
        `The option "${str(option.id) ?? ''}" leads nowhere.`,
        'Give it exactly one of "next", "endsPhase": true or "ending"; without one, an option leads to the following step, but this is the last step of its phase.',
      );
      return undefined;
    }
    if (targets.length > 1) {
      this.err(
        'OPTION_TARGET',
        [...path, targets[1]!],
        `The option "${str(option.id) ?? ''}" has both "${targets[0]}" and "${targets[1]}".`,
        'Give it exactly one of "next", "endsPhase": true or "ending".',
      );
    }
    if (option.endsPhase === true && phaseId === 'integration') {
      this.err(
        'INTEGRATION_NEEDS_ENDING',
        [...path, 'endsPhase'],
        'The integration phase is the last one: it must be left through an "ending".',
        'Replace "endsPhase": true by "ending": "<an ending id>".',
      );
    }
    if (option.endsPhase === true || str(option.ending) !== undefined) return 'exit';
    const next = str(option.next);
    return next === undefined ? undefined : { next, path: [...path, 'next'] };
  }

  private unresolvedStep(id: string, path: Seg[], local: Map<string, number>, what: string) {
    if (this.steps.has(id)) {
      this.err(
        'STEP_IN_OTHER_PHASE',
        path,
        `The ${what} "${id}" belongs to another phase.`,
        'Steps lead only to steps of the same phase; use "endsPhase": true to move on.',
      );
    } else {
      this.err(
        'UNKNOWN_STEP',
        path,
        `There is no step "${id}" in this phase.`,
        didYouMean(id, local.keys()),
      );
    }
  }

  /** Checks shared by step options and event options. */
  private checkOption(option: Json, path: Seg[], isEvent: boolean) {
    if (isEvent) {
      for (const k of ['next', 'endsPhase']) {
        if (has(option, k))
          this.err(
            'OPTION_TARGET',
            [...path, k],
            `An event option cannot have "${k}": event responses do not move between steps.`,
            'Remove it; an event option may only have an "ending".',
          );
      }
    }
    if (has(option, 'ending'))
      this.resolve(option.ending, [...path, 'ending'], this.endings, 'UNKNOWN_ENDING', 'ending');
    this.checkDecision(option, path);
    this.checkDoseRoute(option, path);
    if (has(option, 'when')) this.checkCondition(option.when, [...path, 'when']);
    if (option.feedbackVariants !== undefined)
      this.checkVariants(option.feedbackVariants, [...path, 'feedbackVariants']);
    if (str(option.feedback) === undefined) {
      this.warn(
        'NO_FEEDBACK',
        path,
        `The option "${str(option.id) ?? ''}" has no feedback.`,
        'Tell the trainee why this choice is strong or weak.',
      );
    }
  }

  /**
   * A dose of the drug itself (any `dose.kind` but "adjunct") must be given by the protocol's
   * route: the drug model would otherwise follow a route the scenario does not describe.
   */
  private checkDoseRoute(option: Json, path: Seg[]) {
    const dose = option.dose;
    const protocol = this.doc.protocol;
    if (!isObject(dose) || !isObject(protocol)) return;
    const kind = str(dose.kind);
    const route = str(protocol.route);
    if (kind === undefined || route === undefined || kind === 'adjunct') return;
    const doseRoute =
      kind === 'infusion'
        ? 'intravenous'
        : kind === 'bolus'
          ? str(dose.route)
          : kind === 'lozenge'
            ? 'sublingual'
            : kind === 'intranasal'
              ? 'intranasal'
              : undefined;
    if (doseRoute === undefined || doseRoute === route) return;
    const fits: Record<string, string> = {
      intravenous: '"infusion", or "bolus" with "route": "intravenous"',
      intramuscular: '"bolus" with "route": "intramuscular"',
      sublingual: '"lozenge"',
      intranasal: '"intranasal"',
    };
    this.err(
      'DOSE_ROUTE_MISMATCH',
      [...path, 'dose', kind === 'bolus' ? 'route' : 'kind'],
      `This option gives the drug ${kind === 'bolus' ? `as an ${doseRoute} bolus` : `as "${kind}" (${doseRoute})`}, but the protocol's route is "${route}".`,
      `For route "${route}" use dose kind ${fits[route] ?? 'matching the route'}, or change "protocol.route".`,
    );
  }

  /** Points, references and effects: common to options and missed event responses. */
  private checkDecision(item: Json, path: Seg[]) {
    if (isObject(item.points)) {
      for (const [c, v] of Object.entries(item.points)) {
        if (!this.competencies.has(c)) {
          this.err(
            'UNKNOWN_COMPETENCY',
            [...path, 'points', c],
            `There is no competency "${c}".`,
            didYouMean(c, this.competencies),
          );
        } else if (typeof v === 'number' && v !== 0) this.scored.add(c);
      }
    }
    if (item.references !== undefined)
      this.resolveReferences(item.references, [...path, 'references']);
    if (isObject(item.effects)) this.checkEffects(item.effects, [...path, 'effects']);
  }

  /** A step's `expires`: its points, references, ending and condition (timing: authoring-checks.ts). */
  private checkExpires(expires: Json, path: Seg[]) {
    this.checkDecision(expires, path);
    if (has(expires, 'ending'))
      this.resolve(expires.ending, [...path, 'ending'], this.endings, 'UNKNOWN_ENDING', 'ending');
    if (has(expires, 'when')) this.checkCondition(expires.when, [...path, 'when']);
  }

  private resolveReferences(refs: unknown, path: Seg[]) {
    list(refs).forEach((r, i) =>
      this.resolve(r, [...path, i], this.references, 'UNKNOWN_REFERENCE', 'reference'),
    );
  }

  private resolve(id: unknown, path: Seg[], known: Set<string>, code: string, what: string) {
    if (typeof id !== 'string' || known.has(id)) return;
    this.err(code, path, `There is no ${what} "${id}".`, didYouMean(id, known));
  }

  private resolveAudio(id: unknown, path: Seg[]) {
    this.resolve(id, path, this.audio, 'UNKNOWN_AUDIO', 'audio clip');
  }

  private checkEffects(effects: Json, path: Seg[]) {
    if (isObject(effects.set)) {
      for (const [v, value] of Object.entries(effects.set)) {
        const type = this.variable(v, [...path, 'set', v]);
        if (type === 'flag' && typeof value !== 'boolean') {
          this.err(
            'VARIABLE_TYPE',
            [...path, 'set', v],
            `"${v}" is a flag: set it to true or false.`,
          );
        } else if (type === 'number' && typeof value !== 'number') {
          this.err('VARIABLE_TYPE', [...path, 'set', v], `"${v}" is a number: set it to a number.`);
        }
      }
    }
    if (isObject(effects.add)) {
      for (const v of Object.keys(effects.add)) {
        if (this.variable(v, [...path, 'add', v]) === 'flag') {
          this.err(
            'VARIABLE_TYPE',
            [...path, 'add', v],
            `"${v}" is a flag: it cannot be added to.`,
            'Use "set" with true or false.',
          );
        }
      }
    }
  }

  /** The type of a declared variable, reporting undeclared ones. */
  private variable(id: string, path: Seg[]): 'flag' | 'number' | undefined {
    if (this.variables.has(id)) return this.variables.get(id);
    this.err(
      'UNKNOWN_VARIABLE',
      path,
      `There is no variable "${id}".`,
      didYouMean(id, this.variables.keys()) ?? 'Declare it in "variables".',
    );
    return undefined;
  }

  /** Walks a condition tree iteratively. */
  /** The conditions of text or feedback variants (format 2). */
  private checkVariants(variants: unknown, path: Seg[]) {
    for (const [v, i] of objects(variants))
      if (has(v, 'when')) this.checkCondition(v.when, [...path, i, 'when']);
  }

  private checkCondition(root: unknown, rootPath: Seg[]) {
    const stack: [unknown, Seg[]][] = [[root, rootPath]];
    while (stack.length > 0) {
      const [c, path] = stack.pop()!;
      if (!isObject(c)) continue;
      for (const k of ['all', 'any'])
        list(c[k]).forEach((x, i) => stack.push([x, [...path, k, i]]));
      if (has(c, 'not')) stack.push([c.not, [...path, 'not']]);
      const v = str(c.var);
      if (v !== undefined) {
        const type = this.variable(v, [...path, 'var']);
        for (const op of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte']) {
          if (!has(c, op) || type === undefined) continue;
          const value = c[op];
          if (op !== 'eq' && op !== 'ne' && typeof value !== 'number') continue; // a schema error
          const ok =
            type === 'flag'
              ? (op === 'eq' || op === 'ne') && typeof value === 'boolean'
              : typeof value === 'number';
          if (!ok) {
            this.err(
              'VARIABLE_TYPE',
              [...path, op],
              type === 'flag'
                ? `"${v}" is a flag: compare it with "eq" or "ne" and true or false.`
                : `"${v}" is a number: compare it with a number.`,
            );
          }
        }
      }
      const event = str(c.event);
      if (event !== undefined) {
        const events = this.events();
        if (!events.includes(event))
          this.err(
            'UNKNOWN_EVENT',
            [...path, 'event'],
            `There is no event "${event}".`,
            didYouMean(event, events) ?? 'Use the id of an entry of "events".',
          );
      }
      const setting = str(c.setting);
      if (setting !== undefined && typeof c.eq === 'string') {
        const allowed = (SETTING_VALUES as Record<string, readonly string[]>)[setting];
        if (allowed && !allowed.includes(c.eq)) {
          this.err(
            'SETTING_VALUE',
            [...path, 'eq'],
            `The setting "${setting}" is never "${c.eq}"; it is ${allowed.map((a) => `"${a}"`).join(' or ')}.`,
            didYouMean(c.eq, allowed),
          );
        }
      }
    }
  }

  private checkEvent(event: Json, e: number) {
    const path: Seg[] = ['events', e];
    if (isObject(event.trigger)) {
      const at = num(event.trigger.atMinute);
      if (at !== undefined && isObject(event.trigger) && event.trigger.from !== 'arrival')
        this.checkInSession(at, [...path, 'trigger', 'atMinute'], 'This event');
      if (
        has(event.trigger, 'vital') &&
        !has(event.trigger, 'above') &&
        !has(event.trigger, 'below')
      ) {
        this.err(
          'TRIGGER_EMPTY',
          [...path, 'trigger'],
          'A threshold trigger needs "above" or "below".',
        );
      }
    }
    if (has(event, 'audio')) this.resolveAudio(event.audio, [...path, 'audio']);
    if (has(event, 'when')) this.checkCondition(event.when, [...path, 'when']);
    this.checkVariants(event.variants, [...path, 'variants']);
    if (!isObject(event.respond)) return;
    for (const [option, o] of objects(event.respond.options))
      this.checkOption(option, [...path, 'respond', 'options', o], true);
    if (isObject(event.respond.missed))
      this.checkDecision(event.respond.missed, [...path, 'respond', 'missed']);
  }

  /** The ids of the events, in order. */
  private events(): string[] {
    this.eventIds ??= objects(this.doc.events).flatMap(([e]) => str(e.id) ?? []);
    return this.eventIds;
  }

  private sessionMinutes(): number | undefined {
    return isObject(this.doc.protocol) ? num(this.doc.protocol.sessionMinutes) : undefined;
  }

  private checkInSession(minute: number, path: Seg[], what: string) {
    const session = this.sessionMinutes();
    if (session !== undefined && minute > session) {
      this.err(
        'OUTSIDE_SESSION',
        path,
        `${what} is at minute ${minute}, after the session ends (minute ${session}).`,
        'Move it earlier, or raise "protocol.sessionMinutes".',
      );
    }
  }

  private checkProtocol() {
    const protocol = this.doc.protocol;
    if (!isObject(protocol)) return;
    const session = num(protocol.sessionMinutes);
    const weighed = isObject(this.doc.patient) && num(this.doc.patient.weightKg) !== undefined;
    if (!isObject(protocol.timeCourse) && !weighed && this.visitKind() === 'dosing') {
      this.err(
        'NO_DRUG_COURSE',
        ['protocol'],
        'Nothing drives the drug\'s effects: the protocol has no "timeCourse" and the patient no "weightKg".',
        'Give "patient.weightKg" (the drug model then follows the doses given) or a hand-set "protocol.timeCourse".',
      );
    }
    if (isObject(protocol.timeCourse)) {
      const tc = protocol.timeCourse;
      const onset = num(tc.onsetMinutes);
      const peak = num(tc.peakMinutes);
      const offset = num(tc.offsetMinutes);
      if (onset !== undefined && peak !== undefined && onset > peak) {
        this.err(
          'TIME_COURSE_ORDER',
          ['protocol', 'timeCourse', 'peakMinutes'],
          `The peak (minute ${peak}) comes before the onset (minute ${onset}).`,
          'onsetMinutes ≤ peakMinutes < offsetMinutes.',
        );
      }
      if (peak !== undefined && offset !== undefined && peak >= offset) {
        this.err(
          'TIME_COURSE_ORDER',
          ['protocol', 'timeCourse', 'offsetMinutes'],
          `The effects wear off (minute ${offset}) no later than the peak (minute ${peak}).`,
          'onsetMinutes ≤ peakMinutes < offsetMinutes.',
        );
      }
      if (offset !== undefined && session !== undefined && offset > session) {
        this.err(
          'OUTSIDE_SESSION',
          ['protocol', 'timeCourse', 'offsetMinutes'],
          `The acute effects last until minute ${offset}, after the session ends (minute ${session}): integration could never start.`,
          'Raise "protocol.sessionMinutes".',
        );
      }
    }
    for (const [check, i] of objects(protocol.monitoring)) {
      const path: Seg[] = ['protocol', 'monitoring', i];
      const at = num(check.atMinute);
      if (at !== undefined && check.from !== 'arrival')
        this.checkInSession(at, [...path, 'atMinute'], 'This check');
      const c = str(check.competency);
      if (c !== undefined) {
        if (!this.competencies.has(c))
          this.err(
            'UNKNOWN_COMPETENCY',
            [...path, 'competency'],
            `There is no competency "${c}".`,
            didYouMean(c, this.competencies),
          );
        else if (typeof check.points === 'number' && check.points !== 0) this.scored.add(c);
      }
      this.resolveReferences(check.references, [...path, 'references']);
    }
    if (isObject(protocol.discharge)) {
      const min = num(protocol.discharge.minObservationMinutes);
      if (min !== undefined)
        this.checkInSession(
          min,
          ['protocol', 'discharge', 'minObservationMinutes'],
          'The minimum observation',
        );
      this.checkLimits(protocol.discharge.limits, ['protocol', 'discharge', 'limits']);
    }
    if (isObject(protocol.thresholds))
      this.checkLimits(protocol.thresholds.alarm, ['protocol', 'thresholds', 'alarm']);
  }

  private checkLimits(limits: unknown, path: Seg[]) {
    if (!isObject(limits)) return;
    for (const [lo, hi] of [
      ['heartRateMin', 'heartRateMax'],
      ['respiratoryRateMin', 'respiratoryRateMax'],
    ] as const) {
      const a = num(limits[lo]);
      const b = num(limits[hi]);
      if (a !== undefined && b !== undefined && a >= b) {
        this.err('LIMITS_ORDER', [...path, hi], `"${hi}" (${b}) must be above "${lo}" (${a}).`);
      }
    }
  }

  private checkPatient() {
    if (!isObject(this.doc.patient)) return;
    for (const [m, i] of objects(this.doc.patient.measures)) {
      const range = (INSTRUMENT_RANGES as Record<string, [number, number]>)[
        str(m.instrument) ?? ''
      ];
      const score = num(m.score);
      if (range && score !== undefined && (score < range[0] || score > range[1])) {
        this.err(
          'MEASURE_RANGE',
          ['patient', 'measures', i, 'score'],
          `A ${String(m.instrument)} score is between ${range[0]} and ${range[1]}; got ${score}.`,
        );
      }
    }
  }

  private checkVariables() {
    for (const [v, i] of objects(this.doc.variables)) {
      if (v.type === 'flag' && typeof v.initial !== 'boolean' && has(v, 'initial')) {
        this.err(
          'VARIABLE_TYPE',
          ['variables', i, 'initial'],
          `The flag "${String(v.id)}" starts as true or false.`,
        );
      } else if (v.type === 'number' && typeof v.initial !== 'number' && has(v, 'initial')) {
        this.err(
          'VARIABLE_TYPE',
          ['variables', i, 'initial'],
          `The number "${String(v.id)}" starts as a number.`,
        );
      }
    }
  }

  private checkMedia() {
    const known = this.options.knownAudioFiles;
    if (known === undefined || !isObject(this.doc.media)) return;
    const files = new Set(known);
    for (const [clip, i] of objects(this.doc.media.audio)) {
      const file = str(clip.file);
      if (file !== undefined && !files.has(file)) {
        this.err(
          'AUDIO_FILE_MISSING',
          ['media', 'audio', i, 'file'],
          `The audio file "${file}" is not in public/audio/.`,
          didYouMean(file, files) ?? 'Add the file, or correct its name.',
        );
      }
    }
  }

  private checkCompetenciesScored() {
    for (const [c, i] of objects(this.doc.competencies)) {
      const id = str(c.id);
      if (id !== undefined && !this.scored.has(id)) {
        this.warn(
          'COMPETENCY_UNSCORED',
          ['competencies', i],
          `No decision gives points in the competency "${id}".`,
          'Score it in some options, or remove it.',
        );
      }
    }
  }
}
