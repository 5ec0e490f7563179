/**
 * Text follows the path taken in the bundled scenarios: each case plays the best path, swaps in
 * the choices that change the state, and checks what the trainee then sees (step text, offered
 * options, feedback) is true of that path and not only of the best one.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession, type SessionView } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = (id: string): ScenarioV1 => {
  const file = shippedScenarioFiles().find((f) => f.endsWith(`/${id}.json`));
  if (!file) throw new Error(`no bundled scenario ${id}`);
  return loadScenarioFile(file);
};

/** The ids of the options offered with `optionId` (its step's options, or its event's responses). */
function siblings(s: ScenarioV1, optionId: string): string[] {
  for (const p of s.phases)
    for (const st of p.steps)
      if (st.options.some((o) => o.id === optionId)) return st.options.map((o) => o.id);
  for (const e of s.events) {
    const ids = e.respond?.options.map((o) => o.id) ?? [];
    if (ids.includes(optionId)) return ids;
  }
  throw new Error(`no option ${optionId}`);
}

/**
 * Replays the best path of a scenario, choosing each of `swaps` instead of the best path's choice
 * among its siblings, and stops right after the choice `stopAfter` (a swap or a best-path choice),
 * or, with `untilStep`, once the clock has moved on to that step.
 */
function playSwapped(
  id: string,
  swaps: string[],
  stopAfter: string,
  untilStep?: string,
): SessionView {
  const s = scenario(id);
  const best = playHeadless(s, { seed: 1, mode: 'practice', strategy: 'best' });
  let snapshot: SessionSnapshot = initialSnapshot(s, { seed: 1, mode: 'practice' });
  for (const event of best.attempt.events) {
    let next = event;
    if (event.type === 'trainee.choose') {
      const swap = swaps.find((o) => siblings(s, o).includes(event.optionId));
      if (swap) next = { ...event, optionId: swap };
    }
    const before = snapshot.context.log.length;
    snapshot = step(snapshot, next);
    if (next.type === 'trainee.choose') {
      expect(snapshot.context.log.at(before)?.accepted, `${next.optionId} is accepted`).toBe(true);
      if (next.optionId === stopAfter) {
        for (let n = 0; untilStep && n < 100 && viewSession(snapshot).step?.id !== untilStep; n++)
          snapshot = step(snapshot, {
            type: 'clock.advance',
            minutes: viewSession(snapshot).minutesToNextEvent ?? 1,
          });
        return viewSession(snapshot);
      }
    }
  }
  throw new Error(`${stopAfter} was never chosen`);
}

/**
 * Plays a scenario the way a trainee pressing "1" every time does: at each decision the first
 * offered choice (an open event's responses come first, as the keys number them); when that is
 * refused or nothing is offered, the clock moves on to the next event. Returns the views met at
 * each step and the final snapshot.
 */
function playFirstChoice(id: string, mode: 'assessment' | 'practice' = 'assessment') {
  const s = scenario(id);
  let snapshot: SessionSnapshot = step(initialSnapshot(s, { seed: 1, mode }), {
    type: 'session.begin',
  });
  const views: SessionView[] = [];
  for (let n = 0; n < 1000 && snapshot.status === 'active'; n++) {
    const view = viewSession(snapshot);
    const ids = [...view.openEvents.flatMap((e) => e.options), ...view.options].map((o) => o.id);
    if (ids.length > 0) {
      const next = step(snapshot, { type: 'trainee.choose', optionId: ids[0]! });
      if (next.context.log.at(-1)?.accepted) {
        views.push(view);
        snapshot = next;
        continue;
      }
    }
    snapshot = step(snapshot, {
      type: 'clock.advance',
      minutes: Math.max(1, view.minutesToNextEvent ?? 1),
    });
  }
  return { views, snapshot };
}

describe('emergence-agitation-leaving', () => {
  it('after a taxi home alone, the sign-out step says so and offers no hand-over to Anika', () => {
    const view = playSwapped('emergence-agitation-leaving', ['home-taxi'], 'home-taxi');
    expect(view.step?.text).toContain('on his own');
    const offered = view.options.map((o) => o.id);
    expect(offered).not.toContain('discharge-go');
    expect(offered).toContain('discharge-recall');
  });

  it('keeps the hand-over to Anika on the path where she takes him home', () => {
    const view = playSwapped('emergence-agitation-leaving', [], 'home-escort');
    expect(view.step?.text).toContain('Anika has her coat on');
    expect(view.options.map((o) => o.id)).toContain('discharge-go');
  });

  it('does not call the escort "the plan" when the bus was agreed before the dose', () => {
    const view = playSwapped('emergence-agitation-leaving', ['transport-bus'], 'home-escort');
    expect(view.lastFeedback?.feedback).toContain('puts right the bus');
  });
});

describe('telehealth-home-lozenges', () => {
  it('says no back-up was agreed when neither the monitor nor the consent set one up', () => {
    const view = playSwapped(
      'telehealth-home-lozenges',
      ['monitor-vague', 'consent-same'],
      'drop-ring',
    );
    expect(view.lastFeedback?.feedback).toContain('no back-up had been agreed');
  });

  it('calls it the agreed back-up when it was agreed', () => {
    const view = playSwapped('telehealth-home-lozenges', [], 'drop-ring');
    expect(view.lastFeedback?.feedback).toContain('The agreed back-up');
  });

  it('does not call Sam\'s check at the peak "agreed" when consent set no checks', () => {
    const view = playSwapped('telehealth-home-lozenges', ['consent-same'], 'peak-sam-check');
    expect(view.lastFeedback?.feedback).not.toContain('as agreed');
  });

  it('without the eyeshade, Rowan is not said to push it up when sick', () => {
    const view = playSwapped(
      'telehealth-home-lozenges',
      ['setting-default'],
      'peak-sam-check',
      'mon-sick',
    );
    expect(view.step?.text).not.toContain('eyeshade');
    const peak = view.transcript.toArray().find((e) => e.text.includes('Check now?'));
    expect(peak?.text).toContain('their eyes closed');
  });

  it('the firm refusal does not say Sam agreed to stay after he was told he could go out', () => {
    const view = playSwapped(
      'telehealth-home-lozenges',
      ['monitor-shops', 'leaving-no'],
      'leaving-no',
    );
    const said = view.transcript.toArray().map((e) => e.text);
    expect(said.some((t) => t.startsWith('Tell him firmly'))).toBe(true);
    expect(said.join('\n')).not.toContain('he agreed to stay');
  });

  it('the limit on a top-up does not call a dose above the prescription "what\'s prescribed"', () => {
    const view = playSwapped('telehealth-home-lozenges', ['ask-three'], 'more-stay');
    const said = view.transcript.toArray().map((e) => e.text);
    expect(said.some((t) => t.includes('The box stays shut today'))).toBe(true);
    expect(said.join('\n')).not.toContain("what's prescribed");
  });

  it('ending the call early after the readiness checks does not say the criteria were never checked', () => {
    const id = 'telehealth-home-lozenges';
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['end-now']));
    expect(decision('ready-check')).toBeDefined();
    expect(run.report.ending?.id).toBe('ended-early');
    expect(run.report.ending?.text).not.toContain('before the discharge criteria were checked');
  });

  it('the ending neither says home dosing was paused nor that Rowan is with Sam all evening', () => {
    const s = scenario('telehealth-home-lozenges');
    const view = playSwapped('telehealth-home-lozenges', ['presc-next-week'], 'end-criteria');
    expect(view.ending?.id).toBe('home-paused');
    expect(view.ending?.title).not.toContain('paused');
    // Sam is on a night shift from seven (the evening step).
    expect(s.phases.flatMap((p) => p.steps).find((st) => st.id === 'int-evening')?.text).toContain(
      'night shift from seven',
    );
    expect(view.ending?.text).not.toContain('for the evening');
  });
});

/**
 * Plays `choices` in order, then the best strategy to the end (practice mode, seed 1), and returns
 * the run with a look-up of each chosen option's decision (its shown text and feedback).
 */
function playChoices(id: string, choices: string[]) {
  const run = playHeadless(scenario(id), {
    seed: 1,
    mode: 'practice',
    strategy: 'best',
    choices,
  });
  expect(run.error).toBeUndefined();
  const decision = (optionId: string) => {
    const d = run.report.decisions.find((x) => x.optionId === optionId);
    if (!d) throw new Error(`${optionId} was not chosen`);
    return d;
  };
  return { run, decision };
}

/** The best path's choices in order, with each of `swaps` chosen instead of its sibling. */
function bestChoicesWith(id: string, swaps: string[]): string[] {
  const s = scenario(id);
  const best = playHeadless(s, { seed: 1, mode: 'practice', strategy: 'best' });
  return best.attempt.events.flatMap((e) =>
    e.type !== 'trainee.choose'
      ? []
      : [swaps.find((o) => siblings(s, o).includes(e.optionId)) ?? e.optionId],
  );
}

describe('sedation-vomiting-benzodiazepine', () => {
  // Her son interprets the screen, so the lorazepam is not disclosed before the dose and no plan
  // is made with Dr Carvalho; the best strategy plays the rest.
  const undisclosed = ['interp-minh', 'screen-minh'];

  it('without a plan made with Dr Carvalho, the feedback speaks of no agreed plan or stop rule', () => {
    const { decision } = playChoices('sedation-vomiting-benzodiazepine', undisclosed);
    expect(decision('bedside-ready').feedback).not.toContain('Dr Carvalho agreed');
    expect(decision('drowsy-pause').feedback).not.toMatch(/you agreed|prescriber's plan/);
  });

  it('without a plan, stopping the infusion is not called reversing a shared decision, nor the rebooking one without a sleeping tablet', () => {
    const { run, decision } = playChoices('sedation-vomiting-benzodiazepine', [
      ...undisclosed,
      'consent-full',
      'bedside-ready',
      'vitals-rest',
      'start-defer',
    ]);
    expect(decision('start-defer').optionText).not.toContain('after all');
    expect(decision('start-defer').feedback).not.toContain('shared decision');
    expect(run.report.ending?.id).toBe('rebooked');
    expect(run.report.ending?.text).not.toContain('sleeping tablet');
  });

  it('with the equipment left down the corridor, turning her does not claim the suction', () => {
    const { decision } = playChoices(
      'sedation-vomiting-benzodiazepine',
      bestChoicesWith('sedation-vomiting-benzodiazepine', ['bedside-trolley']),
    );
    expect(decision('vomit-side').optionText).not.toContain('suction');
  });

  it("after the lorazepam is left out of the note, the ending does not put it on the prescriber's list", () => {
    const { run } = playChoices(
      'sedation-vomiting-benzodiazepine',
      bestChoicesWith('sedation-vomiting-benzodiazepine', ['record-omit']),
    );
    expect(run.report.ending?.id).toBe('discharged');
    expect(run.report.ending?.text).not.toContain('lorazepam');
  });

  it('before she tells anyone about the tablets, no option speaks of the sedative she took', () => {
    const s = scenario('sedation-vomiting-benzodiazepine');
    const played = playChoices('sedation-vomiting-benzodiazepine', undisclosed);
    let snapshot: SessionSnapshot = initialSnapshot(s, { seed: 1, mode: 'practice' });
    let shame: SessionView | undefined;
    for (const event of played.run.attempt.events) {
      snapshot = step(snapshot, event);
      const view = viewSession(snapshot);
      if (view.step?.id === 'talk-shame') shame ??= view;
    }
    expect(shame?.options.length).toBeGreaterThan(0);
    for (const o of shame?.options ?? []) expect(o.text).not.toContain('sleeping tablets');
    const choices = played.run.attempt.events.flatMap((e) =>
      e.type !== 'trainee.choose' ? [] : [e.optionId === 'review-sbar' ? 'review-ed' : e.optionId],
    );
    const { decision } = playChoices('sedation-vomiting-benzodiazepine', choices);
    expect(decision('review-ed').optionText).not.toContain('sedative');
  });

  it('leaving before the last checks, after the readiness checks, is not called leaving before any check', () => {
    const id = 'sedation-vomiting-benzodiazepine';
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['discharge-now']));
    expect(decision('ready-oxygen')).toBeDefined();
    expect(run.report.ending?.id).toBe('left-early');
    expect(run.report.ending?.text).not.toContain('before the discharge criteria were checked');
  });

  it('when nobody cleared her mouth at the vomiting, the oxygen option does not say "again"', () => {
    const id = 'sedation-vomiting-benzodiazepine';
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['vomit-upright']));
    expect(run.snapshot.context.fired).toContain('desaturation');
    expect(decision('desat-oxygen').optionText).not.toContain('clear her mouth again');
  });

  it('the record options do not assume the infusion was not restarted', () => {
    const { decision } = playChoices(
      'sedation-vomiting-benzodiazepine',
      bestChoicesWith('sedation-vomiting-benzodiazepine', ['review-restart']),
    );
    expect(decision('record-full').optionText).not.toContain('decision not to restart');
  });

  it('the record feedback names the suggestion to restart on the path where it was made', () => {
    const view = playSwapped('sedation-vomiting-benzodiazepine', ['review-restart'], 'record-full');
    expect(view.lastFeedback?.feedback).toContain('suggestion at the review to restart');
  });

  it('after a taxi home alone, the hand-over to Minh is not offered', () => {
    const view = playSwapped('sedation-vomiting-benzodiazepine', ['home-taxi'], 'next-plan');
    const offered = view.options.map((o) => o.id);
    expect(offered).not.toContain('discharge-go');
    expect(offered).toContain('discharge-recall');
  });
});

describe('im-hypertensive-response', () => {
  it('does not speak of agreed touch when no touch was agreed', () => {
    // Without a signal agreed, the alarm's recheck is the one that asks (the cuff check at 15
    // minutes takes a minute, so the alarm can come before the 15-minute step is answered).
    const view = playSwapped(
      'im-hypertensive-response',
      ['p4-promise', 'e1-recheck-ask', 'm2-wake'],
      'm2-wake',
    );
    expect(view.lastFeedback?.feedback).toContain('no touch was agreed');
    expect(view.lastFeedback?.feedback).not.toContain('the touch she agreed to');
  });

  it('speaks of the touch she agreed to when she agreed to it', () => {
    const view = playSwapped('im-hypertensive-response', ['m2-wake'], 'm2-wake');
    expect(view.lastFeedback?.feedback).toContain('the touch she agreed to');
  });
});

describe('trd-sublingual-first-session', () => {
  it('after Hana is sent home, the sign-out step says so and does not let Hana take him', () => {
    const view = playSwapped(
      'trd-sublingual-first-session',
      ['i4-taxi'],
      'i5-check',
      'int-discharge',
    );
    expect(view.step?.text).toContain('Hana has gone home');
    const offered = view.options.map((o) => o.id);
    expect(offered).not.toContain('i6-quick');
    expect(offered).toContain('i6-recall');
  });
  it('pressing "1" every time: Hana is called back, and the ending says so beside the taxi error', () => {
    const { views, snapshot } = playFirstChoice('trd-sublingual-first-session');
    const chosen = snapshot.context.decisions.map((d) => d.optionId);
    expect(chosen).toEqual(expect.arrayContaining(['i4-taxi', 'i6-recall']));
    const discharge = views.find((v) => v.step?.id === 'int-discharge');
    expect(discharge?.step?.text).toContain('Hana has gone home');
    for (const o of discharge?.options ?? [])
      expect(o.text).not.toMatch(/let Hana take him|Hana driving/);
    const report = scoreContext(snapshot.context);
    expect(report.criticalErrors.map((e) => e.optionId)).toContain('i4-taxi');
    expect(report.ending?.id).toBe('escort-recalled');
    expect(report.ending?.title).not.toMatch(/^Safe discharge/);
    expect(report.ending?.text).toContain('she comes back for him');
    const taxi = report.criticalErrors.find((e) => e.optionId === 'i4-taxi');
    expect(taxi?.explanation).toContain('even if she is called back later');
  });

  it('after agreeing he drives himself, Hana is not at the door and calling her back has its own ending', () => {
    const view = playSwapped(
      'trd-sublingual-first-session',
      ['i4-drive'],
      'i5-check',
      'int-discharge',
    );
    expect(view.step?.text).toContain('Hana has gone home');
    const offered = view.options.map((o) => o.id);
    expect(offered).not.toContain('i6-quick');
    expect(offered).not.toContain('i6-discharge');
    expect(offered).toContain('i6-recall-drive');
    const s = scenario('trd-sublingual-first-session');
    const best = playHeadless(s, { seed: 1, mode: 'assessment', strategy: 'best' });
    const choices = best.attempt.events.flatMap((e) =>
      e.type !== 'trainee.choose'
        ? []
        : e.optionId === 'i4-escort'
          ? ['i4-drive']
          : e.optionId.startsWith('i6-')
            ? ['i6-recall-drive']
            : [e.optionId],
    );
    const run = playHeadless(s, { seed: 1, mode: 'assessment', choices });
    expect(run.error).toBeUndefined();
    expect(run.report.ending?.id).toBe('escort-recalled');
    expect(run.report.criticalErrors.map((e) => e.optionId)).toContain('i4-drive');
  });

  it('keeps the safe discharge with his sister when Hana was never sent home', () => {
    const run = playHeadless(scenario('trd-sublingual-first-session'), {
      seed: 1,
      mode: 'assessment',
      strategy: 'best',
    });
    expect(run.report.ending?.id).toBe('safe-discharge');
    expect(run.report.passed).toBe(true);
  });
});

describe('esketamine-rems-monitoring', () => {
  const id = 'esketamine-rems-monitoring';

  it('leaving the REMS form for the office next week is a critical records breach, and the ending does not call the form complete', () => {
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['int-checks-later']));
    // The form is completed after every session (clinical facts, REMS Patient Monitoring Form).
    expect(decision('int-checks-later').standards?.breaches).toContain('records-truthful');
    expect(run.report.criticalErrors.map((e) => e.optionId)).toContain('int-checks-later');
    expect(run.report.ending?.text).not.toMatch(/form is complete/);
  });

  it('after a quick discharge into the taxi, the ending does not say she left with her sister', () => {
    const { run } = playChoices(
      id,
      bestChoicesWith(id, ['int-transport-taxi', 'int-discharge-quick']),
    );
    expect(run.report.ending?.text).not.toContain('sister');
  });

  it('after the final checks are skipped, neither the hand-over feedback nor the ending calls the discharge safe', () => {
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['int-checks-skip']));
    expect(decision('int-discharge-plan').feedback).not.toContain('safe handover');
    expect(run.report.ending?.title).not.toContain('safely');
  });

  it.each(['prep-transport-if-fine', 'prep-transport-later'])(
    'after %s, her sister is not said to be on her way, nor a pick-up time confirmed with her',
    (transport) => {
      const best = bestChoicesWith(id, [transport]);
      const { run } = playChoices(id, best.slice(0, best.indexOf(transport) + 1));
      const said = run.view.transcript
        .toArray()
        .map((e) => e.text)
        .join('\n');
      expect(said).toContain('I could just drive');
      expect(said).not.toContain('stuck in traffic');
      expect(said).not.toContain('Confirm the new pick-up time');
      expect(run.report.ending?.id).toBe('ending-discharged');
    },
  );

  it('sent to the lobby after a full readiness check, she is not said to have left without one', () => {
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['int-discharge-lobby']));
    expect(decision('int-checks-full')).toBeDefined();
    expect(run.report.ending?.id).toBe('ending-unescorted');
    expect(run.report.ending?.text).not.toContain('readiness');
    expect(decision('int-discharge-lobby').feedback).not.toContain('No readiness judgement');
    const critical = run.report.criticalErrors.find((e) => e.optionId === 'int-discharge-lobby');
    expect(critical?.explanation).not.toContain('readiness');
  });

  it('leaving early after the before-completion reading was taken, she is not said to have left without it', () => {
    const { run, decision } = playChoices(id, bestChoicesWith(id, ['int-checks-go-early']));
    expect(decision('int-checks-go-early')).toBeDefined();
    const reading = run.report.decisions.find(
      (d) => d.kind === 'check' && d.optionText.startsWith('Blood pressure before completion'),
    );
    expect(reading?.optionText).toContain('checked on time');
    expect(run.report.ending?.id).toBe('ending-left-early');
    expect(run.report.ending?.text).not.toContain('before-completion blood pressure');
  });

  it('on the best path, where she chose no eyeshades, no option asks to take them off', () => {
    for (const option of ['talk-tears-ground', 'mon-bp40-wake']) {
      const { run, decision } = playChoices(id, bestChoicesWith(id, [option]));
      expect(run.snapshot.context.settings.eyeshades).toBe('off');
      expect(decision(option).optionText).not.toContain('eyeshades');
    }
  });

  it('after a signature for consent, the side-effect list at dosing is not said to repeat a consent you already did', () => {
    const { decision } = playChoices(
      id,
      bestChoicesWith(id, ['prep-consent-sign', 'admin-dose-list']),
    );
    expect(decision('admin-dose-list').feedback).not.toContain('which you already did');
  });

  /** The arrival clock when `option` is chosen and when the step `next` is shown, on a played run. */
  function clockBetween(
    strategy: 'best' | 'worst' | 'random',
    seed: number,
    option: string,
    next: string,
  ) {
    const s = scenario('esketamine-rems-monitoring');
    const run = playHeadless(s, { seed, mode: 'assessment', strategy });
    let snapshot: SessionSnapshot = initialSnapshot(s, { seed, mode: 'assessment' });
    let chosenAt: number | null = null;
    for (const event of run.attempt.events) {
      if (event.type === 'trainee.choose' && event.optionId === option)
        chosenAt = snapshot.context.clock;
      snapshot = step(snapshot, event);
      const view = viewSession(snapshot);
      if (chosenAt !== null && view.step?.id === next)
        return { chosenAt, shownAt: snapshot.context.clock, text: view.step.text };
    }
    throw new Error(`${option} then ${next} not met on the ${strategy} run`);
  }

  it.each([
    ['best', 1, 'admin-bp-settle', 'admin-bp-rested'],
    ['random', 4, 'admin-elevated-rest', 'admin-bp-recheck'],
    ['worst', 1, 'admin-elevated-alarm', 'admin-bp-recheck'],
  ] as const)(
    '%s run: after %s the step saying fifteen minutes have passed comes fifteen minutes later',
    (strategy, seed, option, next) => {
      const { chosenAt, shownAt, text } = clockBetween(strategy, seed, option, next);
      expect(text).toMatch(/[Ff]ifteen minutes/);
      expect(shownAt - chosenAt).toBe(15);
    },
  );
});
