/**
 * playHeadless: plays a scenario through the session machine without a UI — for the CLI, CI and
 * tests. At each decision it picks an option by strategy (or from a given list of choices),
 * answers open events, checks vitals when a scheduled check is due (best strategy), and advances
 * the clock whenever nothing can be done until later.
 */
import type { ScenarioV1 } from '../format/schema.ts';
import { bestOption } from '../format/best-option.ts';
import type { Attempt } from '../session/save-form.ts';
import { scoreContext, type Report } from '../scoring/score.ts';
import type { OptionDef } from '../session/indexScenario.ts';
import { attemptFromContext } from '../session/machine.ts';
import { hashInts, mulberry32 } from '../session/prng.ts';
import { choiceRefusal, dischargeRefusal, refusal } from '../session/gates.ts';
import { measuredBp } from '../session/measured-bp.ts';
import { NIBP_INTERVALS } from '../session/nibp.ts';
import { dueChecks } from '../session/monitoring.ts';
import { createSession, step, type SessionSnapshot } from '../session/session.ts';
import type { CarriedState, Mode, SessionEvent } from '../session/types.ts';
import { viewSession, type SessionView, type ViewOption } from '../session/view.ts';

/** How old a blood-pressure reading may be before the best strategy rechecks it: the monitor's 5-minute cycle. */
const RECHECK_MINUTES = NIBP_INTERVALS[2]!;

export type Strategy = 'best' | 'worst' | 'random';

export interface HeadlessOptions {
  seed: number;
  mode: Mode;
  /** In a course: what the earlier visits carried into this one. */
  carried?: CarriedState;
  /** How to choose when no (more) choices are given. Without it, running out of choices is an error. */
  strategy?: Strategy;
  /**
   * Option ids to choose, in order (step options and event responses alike); an entry `wait:N`
   * lets N minutes pass first (see waitOf).
   */
  choices?: readonly string[];
  /** Safety net against scenarios that loop forever under a strategy. */
  maxEvents?: number;
  /**
   * Play on from this snapshot (e.g. a preview from a step) instead of from the briefing; the
   * report then counts what happens from there.
   */
  from?: SessionSnapshot;
}

export interface HeadlessResult {
  ok: boolean;
  /** Why the run stopped before the debrief. */
  error?: {
    code: 'INVALID_CHOICE' | 'CHOICES_EXHAUSTED' | 'STUCK';
    message: string;
    step: SessionView['step'];
    options: ViewOption[];
    openEvents: SessionView['openEvents'];
  };
  attempt: Attempt;
  view: SessionView;
  report: Report;
  snapshot: SessionSnapshot;
}

export function playHeadless(scenario: ScenarioV1, options: HeadlessOptions): HeadlessResult {
  const strategy = options.strategy;
  const choices = [...(options.choices ?? [])];
  const maxEvents = options.maxEvents ?? 20000;
  const random = mulberry32(hashInts(options.seed, 0x5eed));
  // An actor nothing watches (no cues, no saves): the snapshots are those of `step()`, faster.
  // From a given snapshot the pure `step` plays on (no actor to restore).
  const actor = options.from ? null : createSession(scenario, options);
  let snapshot = options.from ?? actor!.getSnapshot();
  let sent = 0;
  const send = (event: SessionEvent) => {
    if (actor) {
      actor.send(event);
      snapshot = actor.getSnapshot();
    } else snapshot = step(snapshot, event);
    sent += 1;
  };
  const finish = (error?: HeadlessResult['error']): HeadlessResult => {
    actor?.stop();
    const view = viewSession(snapshot);
    return {
      ok: !error && view.status === 'debrief',
      ...(error ? { error } : {}),
      attempt: attemptFromContext(snapshot.context),
      view,
      report: scoreContext(snapshot.context),
      snapshot,
    };
  };
  const fail = (code: NonNullable<HeadlessResult['error']>['code'], message: string) => {
    const v = viewSession(snapshot);
    return finish({ code, message, step: v.step, options: v.options, openEvents: v.openEvents });
  };
  const index = () => snapshot.context.index;
  const weight = (o: OptionDef) => index().weighted(o.points);
  /** After the dose, time can pass until the session's last minute; before it, only toward something due. */
  const canAdvance = () => {
    const c = snapshot.context;
    if (refusal(c, { type: 'clock.advance', minutes: 1 }) !== null) return false;
    return c.minute !== null || viewSession(snapshot).minutesToNextEvent !== null;
  };
  /**
   * Moves the clock to the view's next event (one minute when nothing is predicted); it also
   * predicts threshold events and new alarms, so no response is skipped over.
   */
  const wait = (view: SessionView) => {
    send({ type: 'clock.advance', minutes: view.minutesToNextEvent ?? 1 });
  };
  /**
   * Whether waiting can lift the discharge gate's refusal: observation time, vitals and
   * dissociation change with the clock; a missing escort or transport does not.
   */
  const timeCanLiftDischarge = (top: OptionDef) => {
    const c = snapshot.context;
    if (dischargeRefusal(c, top) === null) return false;
    return !(c.index.scenario.protocol.discharge.requireTransport && !c.facts.transportArranged);
  };
  const declinedChecks = new Set<string>();
  const pick = (list: OptionDef[], how: Strategy): OptionDef | undefined => {
    if (list.length === 0) return undefined;
    if (how === 'random') return list[Math.floor(random() * list.length)];
    if (how === 'best') {
      // The one rule of which option is best; when every option is critical, the least bad.
      const best = list[bestOption(list, weight).index];
      if (best) return best;
    }
    const key =
      how === 'best'
        ? (o: OptionDef) => weight(o)
        : (o: OptionDef) => (o.critical ? Infinity : -weight(o));
    let chosen = list[0]!;
    for (const o of list) if (key(o) > key(chosen)) chosen = o;
    return chosen;
  };

  if (!options.from) send({ type: 'session.begin' });
  while (sent < maxEvents) {
    const view = viewSession(snapshot);
    if (view.status !== 'running') return finish();
    const c = snapshot.context;
    const checkStrategy = strategy ?? 'best';

    // Scheduled vitals checks: best checks each one when it is due; worst never does.
    if (checkStrategy !== 'worst') {
      const due = dueChecks(c).find((k) => !declinedChecks.has(k.id));
      if (due) {
        if (checkStrategy === 'random' && random() < 0.5) declinedChecks.add(due.id);
        else send({ type: 'trainee.act', action: 'checkVitals' });
        continue;
      }
    }

    const stepOptions = view.options.map((o) => c.index.options.get(o.id)!.option);
    const eventOpts = view.openEvents.flatMap((e) =>
      e.options.map((o) => c.index.options.get(o.id)!.option),
    );

    if (choices.length > 0) {
      const id = choices[0]!;
      const waitMinutes = waitOf(id);
      if (waitMinutes !== null) {
        // `wait:N` lets N minutes pass as a trainee waiting would (the clock stops at its limit).
        choices.shift();
        send({ type: 'clock.advance', minutes: waitMinutes });
        continue;
      }
      if (id.startsWith('wait:'))
        return fail(
          'INVALID_CHOICE',
          `"${id}" is not a wait: write wait:N, N whole minutes from 1 to 1440.`,
        );
      const offered = [...stepOptions, ...eventOpts].some((o) => o.id === id);
      if (offered) {
        const refusal = choiceRefusal(c, id);
        const option = c.index.options.get(id)!.option;
        // A discharge refused only for what time lifts (observation, vitals, dissociation) waits
        // for it; any other refusal is recorded and the run goes on with the next choice.
        if (
          refusal &&
          option.action === 'discharge' &&
          timeCanLiftDischarge(option) &&
          canAdvance()
        ) {
          wait(view);
          continue;
        }
        choices.shift();
        send({ type: 'trainee.choose', optionId: id });
        continue;
      }
      // Wait when the choice may still come: the step is waiting, it answers an event not fired
      // yet, or it belongs to a later step while the one on screen will be withdrawn at its
      // deadline (a choice list leaves that step unanswered).
      const place = c.index.options.get(id);
      const laterEvent = !!place?.eventId && !c.fired.includes(place.eventId);
      const laterStep =
        !!place?.stepId && place.stepId !== c.stepId && view.step?.until !== undefined;
      if ((stepOptions.length === 0 || laterEvent || laterStep) && canAdvance()) {
        wait(view);
        continue;
      }
      return fail('INVALID_CHOICE', `The choice "${id}" is not offered here.`);
    }
    if (!strategy) {
      if (stepOptions.length === 0 && eventOpts.length === 0 && canAdvance()) {
        wait(view);
        continue;
      }
      return fail('CHOICES_EXHAUSTED', 'The list of choices ended before the debrief.');
    }

    // Open events first: they are time-critical.
    const open = view.openEvents[0];
    if (open) {
      const event = c.index.events.get(open.id)!;
      const list = event.respond!.options.filter(
        (o) => open.options.some((v) => v.id === o.id) && choiceRefusal(c, o.id) === null,
      );
      const missed = event.respond!.missed;
      if (strategy === 'worst') {
        const worstOption = pick(list, 'worst');
        const missWorse =
          !worstOption ||
          (!!missed.critical && !worstOption.critical) ||
          (!worstOption.critical && index().weighted(missed.points) < weight(worstOption));
        if (missWorse && canAdvance()) {
          const deadline = c.open.find((o) => o.eventId === open.id)!.deadline;
          send({ type: 'clock.advance', minutes: deadline + 1 - c.clock });
          continue;
        }
        if (worstOption) {
          send({ type: 'trainee.choose', optionId: worstOption.id });
          continue;
        }
      } else {
        const chosen = pick(list, strategy);
        if (chosen) {
          send({ type: 'trainee.choose', optionId: chosen.id });
          continue;
        }
      }
    }

    // A dose delayed for a recheck: rest until the recheck is due, then check the vitals again.
    const dose = stepOptions.find((o) => o.action === 'administerDose');
    if (strategy !== 'worst' && dose && c.recheckFrom !== null) {
      if (c.clock >= c.recheckFrom) send({ type: 'trainee.act', action: 'checkVitals' });
      else wait(view);
      continue;
    }

    const allowed = stepOptions.filter((o) => choiceRefusal(c, o.id) === null);
    if (strategy === 'best' && canAdvance()) {
      // Wait for discharge when the best offered option is a discharge still refused for now.
      const top = pick(stepOptions, 'best');
      if (top && top.action === 'discharge' && dischargeRefusal(c, top) && !allowed.includes(top)) {
        // Time cannot arrange transport: take an offered option that does, if there is one.
        const transport =
          c.index.scenario.protocol.discharge.requireTransport && !c.facts.transportArranged
            ? allowed.find((o) => o.action === 'arrangeTransport')
            : undefined;
        if (transport) {
          send({ type: 'trainee.choose', optionId: transport.id });
          continue;
        }
        // No blood pressure has been measured (a run started from a preview snapshot), or the last
        // reading is older than the monitor's 5-minute cycle: measure, as a trainee rechecking.
        const bp = measuredBp(c, top);
        if (bp === null || (!bp.takenNow && c.clock - bp.clock >= RECHECK_MINUTES)) {
          send({ type: 'trainee.act', action: 'checkVitals' });
          continue;
        }
        if (timeCanLiftDischarge(top)) {
          wait(view);
          continue;
        }
      }
    }
    const chosen = pick(allowed, strategy);
    if (chosen) {
      send({ type: 'trainee.choose', optionId: chosen.id });
      continue;
    }
    if (canAdvance()) {
      wait(view);
      continue;
    }
    return fail('STUCK', 'Nothing can be chosen and the clock cannot advance.');
  }
  return fail('STUCK', `The run did not reach the debrief within ${maxEvents} events.`);
}

/**
 * The minutes of a `wait:N` entry of a choice list (N a whole number from 1 to 1440), or null
 * when the entry is an option id. Option ids cannot contain a colon, so the two never clash.
 */
export function waitOf(entry: string): number | null {
  const m = /^wait:(\d{1,4})$/.exec(entry);
  if (!m) return null;
  const minutes = Number(m[1]);
  return minutes >= 1 && minutes <= 1440 ? minutes : null;
}
