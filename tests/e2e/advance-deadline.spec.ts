import { expect, test } from '@playwright/test';
import { initialSnapshot, step } from '../../src/engine/session/session.ts';
import { viewSession } from '../../src/engine/session/view.ts';
import { bundled, playEvents, startWithEngineRun } from './helpers.ts';

const id = 'trd-sublingual-first-session';

test('"advance to the next event" stops at an open response\'s deadline and says so', async ({
  page,
}) => {
  const scenario = bundled(id);
  // A path that leaves emergencies unanswered: play it up to the first response that opens.
  const { seed, events } = await startWithEngineRun(page, id, scenario, 'assessment', 'worst');
  let snapshot = step(initialSnapshot(scenario, { seed, mode: 'assessment' }), {
    type: 'session.begin',
  });
  let upTo = -1;
  for (let i = 0; i < events.length; i++) {
    snapshot = step(snapshot, events[i]!);
    if (viewSession(snapshot).openEvents.length) {
      upTo = i + 1;
      break;
    }
  }
  expect(upTo, 'the worst path opens a response').toBeGreaterThan(0);
  const open = viewSession(snapshot).openEvents[0]!;
  await playEvents(page, events.slice(0, upTo));

  const clock = page.locator('[data-minute]');
  const note = page.locator('[data-advance-note]');
  await expect(page.locator(`[data-event="${open.id}"]`)).toBeVisible();
  await expect(note).toContainText(
    `Advancing stops at minute ${open.deadline} since the dose (in `,
  );
  await expect(note).toContainText('its deadline.');
  for (let i = 0; i < 30; i++) {
    if ((await clock.getAttribute('data-minute')) === String(open.deadline)) break;
    const before = await clock.getAttribute('data-minute');
    await page.keyboard.press('n');
    await expect(clock).not.toHaveAttribute('data-minute', before!);
  }
  // At the deadline the response is still open (nothing was missed) and the warning is explicit.
  await expect(clock).toHaveAttribute('data-minute', String(open.deadline));
  await expect(page.locator(`[data-event="${open.id}"]`)).toBeVisible();
  await expect(note).toContainText('Advancing now misses the open response.');
  await page.keyboard.press('n');
  await expect(page.locator(`[data-event="${open.id}"]`)).toHaveCount(0);
});
