/**
 * Starts the results features beside the player: xAPI launch parameters and the outbox, the LMS
 * connection when running in one, the offline service worker otherwise, and recording every
 * attempt that reaches its debrief. Nothing here contacts any server unless an LRS or LMS is
 * configured; the heavy parts load only when needed.
 */
import { captureLaunch, lrsConfig } from './lrs-settings.ts';
import { findScormApi } from './scorm.ts';

let launch: { problem: string | null } | null = null;

/**
 * Reads the launch parameters once, whichever comes first: the boot beside the player, or the
 * Settings screen opened straight from a launch address. Returns the launch problem, if any.
 */
export function captureLaunchOnce(): string | null {
  if (!launch) {
    try {
      launch = { problem: captureLaunch() };
    } catch (error) {
      launch = { problem: error instanceof Error ? error.message : String(error) };
    }
  }
  return launch.problem;
}

function onRoute(): void {
  const match = /^#\/debrief\/([^/]+)$/.exec(location.hash);
  if (!match) return;
  const id = decodeURIComponent(match[1]!);
  void import('./record.ts')
    .then((m) => m.recordFromSave(id))
    .catch((error: unknown) => console.error('The attempt could not be recorded:', error));
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

export function startResults(): void {
  captureLaunchOnce();
  // Statements left from an earlier visit are sent; without an LRS the sender is not even loaded.
  if (lrsConfig()) void import('./xapi-client.ts').then((m) => m.startOutbox());
  const api = findScormApi();
  if (api) {
    void import('./scorm-bridge.ts')
      .then((m) => m.startScorm(api))
      .catch((error: unknown) => console.error('The LMS connection failed:', error));
  } else registerServiceWorker();
  addEventListener('hashchange', onRoute);
  onRoute();
}
