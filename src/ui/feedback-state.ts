/**
 * How practice feedback is shown as simulated time passes. Feedback is read at the minute of the
 * choice (the clock holds for it); once the clock has moved on from that minute it no longer
 * describes the room, so it folds away into a closed "earlier feedback" disclosure that can still
 * be opened, until the next choice replaces it. The debrief keeps every choice's feedback.
 */
import type { SessionView } from './engine-bridge.ts';
import { fromNow } from './clock-text.ts';

/** open: shown in full (read now); earlier: folded away, still reachable; none: nothing to show. */
export type FeedbackShown = 'open' | 'earlier' | 'none';

/**
 * How the last choice's feedback is shown: none outside practice mode or without feedback; open
 * while the clock still stands at the minute of the choice (`lastFeedback.clock`, arrival clock)
 * or while the feedback holds the clock; earlier once time has moved on.
 */
export function feedbackShown(
  view: Pick<SessionView, 'mode' | 'lastFeedback' | 'clock'>,
  holding: boolean,
): FeedbackShown {
  if (view.mode !== 'practice' || !view.lastFeedback) return 'none';
  return holding || view.lastFeedback.clock === view.clock.sinceArrival ? 'open' : 'earlier';
}

/** How long ago the choice was made, for the folded feedback's summary: "3 minutes ago". */
export function feedbackAge(view: Pick<SessionView, 'lastFeedback' | 'clock'>): string {
  const at = view.lastFeedback?.clock;
  return at === undefined ? '' : fromNow(at - view.clock.sinceArrival);
}
