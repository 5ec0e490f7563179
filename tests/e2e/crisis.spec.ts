import { expect, test } from '@playwright/test';
import { initialSnapshot, step } from '../../src/engine/session/session.ts';
import { viewSession } from '../../src/engine/session/view.ts';
import type { SessionEvent } from '../../src/engine/session/types.ts';
import type { ScenarioV1 } from '../../src/engine/format/schema.ts';
import {
  bundled,
  playEvents,
  savedAttempt,
  serveScenario,
  startByKeyboard,
  stopClock,
} from './helpers.ts';

const id = 'im-hypertensive-response';

/**
 * The review's example: her morning tablets are never asked about, the pressure climbs, and at
 * minute 22 she reports a splitting headache while the quiet step of minute 20 ("deeply absorbed,
 * calm") is on screen. The response window passes unanswered. The events are computed by the
 * engine for the attempt's own seed, then played through the player by keyboard.
 */
function eventsToMissedCrisis(seed: number, scenario = bundled(id)): SessionEvent[] {
  const events: SessionEvent[] = [];
  let s = step(initialSnapshot(scenario, { seed, mode: 'practice' }), { type: 'session.begin' });
  const send = (e: SessionEvent) => {
    events.push(e);
    s = step(s, e);
  };
  const choose = (optionId: string) => send({ type: 'trainee.choose', optionId });
  for (const o of ['p1-move-on', 'p2-review', 'p3-full', 'p4-prepare', 'p5-arrange']) choose(o);
  for (const o of ['a1-seated', 'a2-compare', 'a3-settle', 'a4-timeout']) choose(o);
  for (let guard = 0; guard < 100; guard++) {
    const v = viewSession(s);
    if (v.openEvents.some((e) => e.id === 'severe-headache')) break;
    if (v.step?.id === 'mon-onset') choose('m1-brief');
    else if (v.step?.id === 'mon-15') choose('m2-check');
    else if (v.openEvents[0]) choose(v.openEvents[0].options[0]!.id);
    else send({ type: 'clock.advance', minutes: v.minutesToNextEvent ?? 1 });
  }
  const open = viewSession(s).openEvents.find((e) => e.id === 'severe-headache');
  expect(open, 'the crisis event opens on this path').toBeDefined();
  // Past the deadline, unanswered.
  send({ type: 'clock.advance', minutes: open!.deadline - viewSession(s).minute! + 1 });
  expect(viewSession(s).step?.id).toBe('mon-deep');
  return events;
}

/**
 * The scenario with the step after the quiet one moved to minute 28: the quiet step is withdrawn
 * the minute before its next step is due (session-rules.md, step deadlines), so this keeps it on
 * screen when the headache's response window passes at minute 26.
 */
function laterRise(): ScenarioV1 {
  const copy = structuredClone(bundled(id));
  for (const phase of copy.phases)
    for (const st of phase.steps) if (st.id === 'mon-rise') st.atMinute = 28;
  return copy;
}

test('after a missed hypertensive emergency the patient panel and the choices follow her real state', async ({
  page,
}) => {
  const scenario = await serveScenario(page, id, laterRise());
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  const events = eventsToMissedCrisis(seed, scenario);
  // Up to the open crisis: the event is told apart above the calm step's own line, which the
  // step's options answer; the event's affect replaces the step's.
  const crisisAt = events.length - 1;
  await playEvents(page, events.slice(0, crisisAt));
  const latest = page.locator('[data-latest-line]');
  const notice = page.locator('[data-crisis-notice="event"]');
  await expect(page.locator('[data-event="severe-headache"]')).toBeVisible();
  await expect(notice).toContainText('frightened, grimacing');
  await expect(notice).toContainText('splitting');
  await expect(latest).toContainText('so much space');
  await expect(latest).not.toContainText('calm');
  // Under the event's own list, the step's list is headed by the line it answers.
  await expect(page.locator('[data-step-options-heading]')).toContainText('so much space');
  await expect(page.locator('button[data-option="md-silence"]')).toHaveCount(0);
  // The room illustration says the same, in words.
  const room = page.locator('[data-room] figcaption');
  await expect(room).toContainText('is in distress (frightened, grimacing)');

  // The window passes unanswered.
  await playEvents(page, events.slice(crisisAt));
  await expect(page.locator('[data-event="severe-headache"]')).toHaveCount(0);
  await expect(latest).toContainText('in pain, frightened');
  await expect(latest).toContainText('curled on her side');
  await expect(latest).not.toContainText('deeply absorbed, calm');
  await expect(latest).not.toContainText('so much space');
  await expect(page.locator('[data-crisis-notice]')).toHaveCount(0);
  await expect(room).toContainText('is in distress (in pain, frightened');
  await expect(room).not.toContainText('looks calm');
  // Silence is no longer offered (nor praised); calling for help now is.
  await expect(page.locator('button[data-option="md-silence"]')).toHaveCount(0);
  await expect(page.locator('button[data-option="md-music"]')).toHaveCount(0);
  await expect(page.locator('button[data-option="md-call-now"]')).toBeVisible();
  // The transcript says the same thing as the panel.
  await expect(page.locator('[data-transcript] li').last()).toContainText('curled on her side');
});

test('the patient answers the therapist: her reaction follows the choice in the transcript', async ({
  page,
}) => {
  const onset = bundled(id)
    .phases.flatMap((p) => p.steps)
    .find((s) => s.id === 'mon-onset')!;
  const reaction = onset.options.find((o) => o.id === 'm1-brief')!.reaction!;
  expect(reaction).toBeTruthy();
  const scenario = await serveScenario(page, id, laterRise());
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  const events = eventsToMissedCrisis(seed, scenario);
  const upTo = events.findIndex((e) => e.type === 'trainee.choose' && e.optionId === 'm1-brief');
  await playEvents(page, events.slice(0, upTo + 1));
  const lines = page.locator('[data-transcript] li');
  const said = lines.filter({ hasText: "Say softly, once: 'This is the medicine starting." });
  const answer = lines.filter({ hasText: reaction });
  await expect(answer).toHaveCount(1);
  await expect(answer).toHaveClass(/t-patient/);
  // Right after the trainee's line.
  await expect(said.locator('xpath=following-sibling::li[1]')).toContainText(reaction);
});

test('an alarm left unanswered is told apart above the patient’s line, which stays, with how to respond', async ({
  page,
}) => {
  // The scenario with a heart-rate alarm the drug's rise crosses soon after the dose (its events
  // stay, so it validates as served).
  const alarmed = structuredClone(bundled(id));
  alarmed.protocol.thresholds.alarm = { heartRateMax: 70 };
  alarmed.protocol.alarmResponseMinutes = 5;
  const scenario = await serveScenario(page, id, alarmed);
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  // Careful preparation and dose, then the first two steps answered without a vitals check or an
  // action, to the quiet step at minute 20.
  const events: SessionEvent[] = [];
  let s = step(initialSnapshot(scenario, { seed, mode: 'practice' }), { type: 'session.begin' });
  const send = (e: SessionEvent) => {
    events.push(e);
    s = step(s, e);
  };
  const waitUntil = (minute: number) => {
    while ((viewSession(s).minute ?? 0) < minute) send({ type: 'clock.advance', minutes: 1 });
  };
  for (const o of ['p1-ask-meds', 'p1b-call', 'p1c-readback', 'p2-review', 'p3-full'])
    send({ type: 'trainee.choose', optionId: o });
  for (const o of ['p4-prepare', 'p5-arrange', 'a1-seated', 'a2-compare', 'a3-settle'])
    send({ type: 'trainee.choose', optionId: o });
  send({ type: 'trainee.choose', optionId: 'a4-timeout' });
  waitUntil(4);
  send({ type: 'trainee.choose', optionId: 'm1-silence' });
  waitUntil(15);
  send({ type: 'trainee.choose', optionId: 'm2-skip' });
  waitUntil(20);
  expect(viewSession(s).crisisNotice?.kind, 'the alarm is overdue on this path').toBe('alarm');
  await playEvents(page, events);

  const notice = page.locator('[data-crisis-notice="alarm"]');
  await expect(notice).toContainText("No one has responded to the monitor's alarm (heart rate");
  await expect(notice).toContainText('Check the vitals (V) or act on it.');
  const latest = page.locator('[data-latest-line]');
  await expect(latest).toContainText('so much space');
  await expect(latest).not.toContainText('No one has responded');
  await expect(page.locator('button[data-option="md-silence"]')).toHaveCount(0);

  // Checking the vitals answers it: the alarm's notice goes, the patient's line stays.
  await page.keyboard.press('v');
  await expect(notice).toHaveCount(0);
  await expect(latest).toContainText('so much space');
});
