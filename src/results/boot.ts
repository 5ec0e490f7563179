/**
 * Starts the results features beside the player: xAPI launch parameters and the outbox, the LMS
 * connection when running in one, the offline service worker otherwise, and recording every
 * attempt that reaches its debrief. Nothing here contacts any server unless an LRS or LMS is
 * configured; the heavy parts load only when needed. Whatever could not be kept or sent is shown
 * to the trainee above every screen (see notices.svelte.ts).
 */
import { mount } from 'svelte';
import { decodeSegment } from '../ui/router.svelte.ts';
import { onWriteFailure, type WriteFailure } from '../ui/storage.ts';
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

/** What a localStorage key holds, in words, for the notice about refused writes. */
function whatWasKept(key: string): string {
  if (key.startsWith('kap.attempt.')) return 'your attempt in progress';
  if (key.startsWith('kap.result.'))
    return 'a spare summary of your last result (the attempt history keeps the attempt itself)';
  return 'a preference';
}

function showWriteFailures(): void {
  const seen = new Set<string>();
  onWriteFailure((failure: WriteFailure) => {
    seen.add(whatWasKept(failure.key));
    const reason =
      failure.reason === 'QuotaExceededError'
        ? "the browser's storage for this site is full"
        : `the browser refused (${failure.reason})`;
    notices.show({
      key: 'local-storage',
      title: 'Not saved on this device',
      text: `This device could not save ${[...seen].join(', ')}: ${reason}. Everything is kept while this tab stays open, and a finished attempt still goes to the attempt history${lrsConfig() ? ', the learning record store' : ''}${findScormApi() ? ' and the LMS' : ''}; but if you close or reload the tab before finishing, the attempt in progress is lost. Freeing space (for example removing other courses' data from this site) lets saving resume.`,
    });
  });
}

function onRoute(): void {
  const match = /^#\/debrief\/([^/]+)$/.exec(location.hash);
  if (!match) return;
  const id = decodeSegment(match[1]!);
  void import('./record.ts')
    .then((m) => m.recordFromSave(id))
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
