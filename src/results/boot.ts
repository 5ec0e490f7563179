/**
 * Starts the results features beside the player: xAPI launch parameters and the outbox, the LMS
 * connection when running in one, the offline service worker otherwise, and recording every
 * attempt that reaches its debrief. Nothing here contacts any server unless an LRS or LMS is
 * configured; the heavy parts load only when needed. Whatever could not be kept or sent is shown
 * to the trainee above every screen (see notices.svelte.ts).
 */
import { mount } from 'svelte';
import { decodeSegment } from '../ui/router.svelte.ts';
import {
  onLeft,
  onReflection,
  onWriteFailure,
  savedAttemptText,
  unwrittenKeys,
  type WriteFailure,
} from '../ui/storage.ts';
import { captureLaunch, clearLaunchRefusal, lrsConfig } from './lrs-settings.ts';
import { notices } from './notices.svelte.ts';
import { findScormApi } from './scorm.ts';
import Notices from './screens/Notices.svelte';

let launch: { problem: string | null } | null = null;

/**
 * Reads the launch parameters once, whichever comes first: the boot beside the player, or the
 * Settings screen opened straight from a launch address. Returns the launch problem, if any, and
 * shows it on screen.
 */
export function captureLaunchOnce(): string | null {
  if (!launch) {
    try {
      launch = { problem: captureLaunch() };
    } catch (error) {
      launch = { problem: error instanceof Error ? error.message : String(error) };
    }
    if (launch.problem)
      notices.show({
        key: 'launch',
        title: 'Results from this tab are not sent to any learning record store',
        text: `${launch.problem} So that your results go nowhere you did not intend, nothing from this tab is sent to a learning record store, not even one saved in Settings. Your attempts are still kept on this device (see Attempt history); ask whoever gave you the link for a corrected one.`,
      });
  }
  return launch.problem;
}

/** Lifts the tab's launch refusal: the trainee saved a destination in Settings in this tab. */
export function dropLaunchRefusal(): void {
  launch = { problem: null };
  clearLaunchRefusal();
  notices.dismiss('launch');
}

/** The saved attempt text recorded in the history, by scenario id: that attempt is finished. */
const recordedText = new Map<string, string>();
let writeFailure: WriteFailure | null = null;

/**
 * What this tab holds only in memory because the browser refused to save it, in words, and
 * whether an attempt in progress is among it (a finished attempt is in the attempt history).
 */
function unsaved(): { items: string[]; inProgress: boolean; finished: boolean } {
  const items = new Set<string>();
  let inProgress = false;
  let finished = false;
  for (const key of unwrittenKeys()) {
    if (key.startsWith('kap.attempt.')) {
      const id = key.slice('kap.attempt.'.length);
      const text = savedAttemptText(id);
      if (text !== null && recordedText.get(id) === text) finished = true;
      else {
        inProgress = true;
        items.add('your attempt in progress');
      }
    } else if (key.startsWith('kap.course.')) {
      inProgress = true;
      items.add('your progress through a course');
    } else if (key.startsWith('kap.result.'))
      items.add('a spare summary of your last result (the attempt history keeps the attempt)');
    else if (key.startsWith('kap.reflection.'))
      items.add('your reflection (the attempt history keeps it with the attempt)');
    else items.add('a preference, such as sound or keyboard shortcuts');
  }
  return { items: [...items], inProgress, finished };
}

/** Shows, updates or removes the notice about refused writes, as things stand now. */
function showUnsaved(): void {
  if (!writeFailure) return;
  const { items, inProgress, finished } = unsaved();
  if (items.length === 0 && !finished) {
    notices.dismiss('local-storage');
    return;
  }
  const reason =
    writeFailure.reason === 'QuotaExceededError'
      ? "the browser's storage for this site is full"
      : `the browser refused (${writeFailure.reason})`;
  const elsewhere = [
    'the attempt history',
    ...(lrsConfig() ? ['the learning record store'] : []),
    ...(findScormApi() ? ['the LMS'] : []),
  ];
  const places =
    elsewhere.length > 1
      ? `${elsewhere.slice(0, -1).join(', ')} and ${elsewhere.at(-1)!}`
      : elsewhere[0]!;
  const safe = finished ? ' Your finished attempt is safe in the attempt history.' : '';
  const free =
    " Freeing space (for example removing other courses' data from this site) lets saving resume.";
  notices.show(
    items.length === 0
      ? {
          key: 'local-storage',
          title: 'Saving on this device is failing',
          text: `This device could not save your attempt's progress, because ${reason}.${safe}${free}`,
        }
      : {
          key: 'local-storage',
          title: 'Not saved on this device',
          text: `This device could not save the following, because ${reason}:`,
          items,
          after: `${
            inProgress
              ? `They are kept while this tab stays open, and a finished attempt still goes to ${places}; but if you close or reload the tab before finishing, the attempt in progress is lost.`
              : 'They are kept while this tab stays open.'
          }${safe}${free}`,
        },
  );
}

function showWriteFailures(): void {
  onWriteFailure((failure: WriteFailure) => {
    writeFailure = failure;
    showUnsaved();
  });
}

/** Keeps each reflection the trainee writes with its attempt in the history. */
function keepReflections(): void {
  onReflection((attempt, reflection) => {
    void import('./record.ts').then((m) => m.keepReflection(attempt, reflection));
  });
}

/** Keeps each attempt the trainee leaves in the history, as "left". */
function keepLeftAttempts(): void {
  onLeft((attempt) => {
    void import('./record.ts').then((m) => m.recordLeft(attempt));
  });
}

/** Brings the notices into view when a debrief opens (its heading takes the focus below them). */
function revealNotices(): void {
  if (!notices.list.length) return;
  setTimeout(() => document.querySelector('[data-results-notices]')?.scrollIntoView());
}

/**
 * Records the attempt whose debrief was opened. The hash is the event's own: when the address
 * changes twice before the first change is handled, `location.hash` already holds the second.
 */
function onRoute(event?: HashChangeEvent): void {
  const hash = event ? new URL(event.newURL).hash : location.hash;
  const match = /^#\/debrief\/([^/]+)$/.exec(hash);
  if (!match) return;
  const id = decodeSegment(match[1]!);
  revealNotices();
  void import('./record.ts')
    .then((m) => m.recordFromSave(id))
    .then((text) => {
      if (text !== null) recordedText.set(id, text);
      showUnsaved();
    })
    .catch((error: unknown) =>
      notices.show({
        key: 'record',
        title: 'This attempt could not be recorded',
        text: `${error instanceof Error ? error.message : String(error)}`,
      }),
    );
}

function registerServiceWorker(): void {
  if (
    !import.meta.env.PROD ||
    !('serviceWorker' in navigator) ||
    !location.protocol.startsWith('http')
  )
    return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('Offline use is not available:', error);
  });
}

function mountNotices(): void {
  const target = document.createElement('div');
  const app = document.getElementById('app');
  document.body.insertBefore(target, app);
  mount(Notices, { target });
}

export function startResults(): void {
  mountNotices();
  showWriteFailures();
  keepReflections();
  keepLeftAttempts();
  captureLaunchOnce();
  // Statements left from an earlier visit are sent; without an LRS the sender is not even loaded.
  if (lrsConfig()) void import('./xapi-client.ts').then((m) => m.startOutbox());
  const api = findScormApi();
  if (api) {
    void import('./scorm-bridge.ts')
      .then((m) => m.startScorm(api))
      .catch((error: unknown) =>
        notices.show({
          key: 'lms',
          title: 'The LMS connection failed',
          text: `${error instanceof Error ? error.message : String(error)} Your attempts are still kept on this device.`,
        }),
      );
  } else registerServiceWorker();
  addEventListener('hashchange', onRoute);
  onRoute();
}
