import { describe, expect, it } from 'vitest';
import {
  fromNow,
  minuteOn,
  nextEventText,
  shownClock,
  shownMinuteText,
} from '../../../src/ui/clock-text.ts';
import { feedbackAge, feedbackShown } from '../../../src/ui/feedback-state.ts';

const beforeDose = { clock: { sinceArrival: 11, sinceDose: null, limit: 120 } };
const afterDose = { clock: { sinceArrival: 31, sinceDose: 11, limit: 200 } };

describe('status texts name their clock', () => {
  it('uses the arrival clock before the dose and the dose clock after it, as the view does', () => {
    expect(shownClock(beforeDose)).toBe('arrival');
    expect(shownClock(afterDose)).toBe('dose');
    expect(minuteOn(20, 'dose')).toBe('minute 20 since the dose');
    expect(minuteOn(5, 'arrival')).toBe('minute 5 since arrival');
  });

  it('says when something is due on the same clock as how far away it is', () => {
    expect(shownMinuteText(afterDose, 20)).toBe('minute 20 since the dose (in 9 minutes)');
    expect(shownMinuteText(beforeDose, 12)).toBe('minute 12 since arrival (in 1 minute)');
    expect(shownMinuteText(afterDose, 11)).toBe('minute 11 since the dose (now)');
  });

  it('gives "advance to the next event" the minute it goes to, not only the distance', () => {
    expect(nextEventText({ ...afterDose, minutesToNextEvent: 9 })).toBe(
      'minute 20 since the dose (in 9 minutes)',
    );
    expect(nextEventText({ ...beforeDose, minutesToNextEvent: 4 })).toBe(
      'minute 15 since arrival (in 4 minutes)',
    );
    expect(nextEventText({ ...afterDose, minutesToNextEvent: null })).toBeNull();
  });

  it('words past and future distances', () => {
    expect(fromNow(0)).toBe('now');
    expect(fromNow(2)).toBe('in 2 minutes');
    expect(fromNow(-1)).toBe('1 minute ago');
  });
});

describe('practice feedback as time moves on', () => {
  const feedback = {
    optionId: 'o',
    text: 'Take the reading.',
    points: {},
    clock: 31,
  };
  const at = (sinceArrival: number, mode: 'practice' | 'assessment' = 'practice') => ({
    mode,
    lastFeedback: feedback,
    clock: { sinceArrival, sinceDose: sinceArrival - 20, limit: 200 },
  });

  it('is shown in full at the minute of the choice, and while it holds the clock', () => {
    expect(feedbackShown(at(31), false)).toBe('open');
    expect(feedbackShown(at(35), true)).toBe('open');
  });

  it('folds away (still reachable) once the clock has moved on, saying how long ago', () => {
    expect(feedbackShown(at(34), false)).toBe('earlier');
    expect(feedbackAge(at(34))).toBe('3 minutes ago');
  });

  it('is not shown in assessment mode or without a choice', () => {
    expect(feedbackShown(at(31, 'assessment'), false)).toBe('none');
    expect(feedbackShown({ ...at(31), lastFeedback: null }, true)).toBe('none');
  });
});
