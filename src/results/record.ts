/**
 * Recording a finished attempt: into the history, to the LRS when one is configured, and (through
 * `emitFinished`) to the LMS when running as a SCORM package. The report recorded and sent is
 * always the one replayed from the attempt's log. Each destination is tried on its own: one that
 * fails (the history's database refused, say) is reported on screen and the others still get
 * the attempt.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import { parseAttempt, restoreAttempt, type Attempt } from '../engine/index.ts';
import { buildStatements } from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import { savedAttemptIds, savedAttemptText } from '../ui/storage.ts';
import { emitFinished } from './finished.ts';
import { addAttempt } from './history.ts';
import { lrsConfig } from './lrs-settings.ts';
import { notices } from './notices.svelte.ts';
import { queueStatements } from './xapi-client.ts';

/** The IRI under which this deployment names its activities (the app's own address). */
export function activityBase(): string {
  const url = new URL('./', location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Records a finished attempt of `scenario`, scoring it by replaying its log. Safe to call again
 * for the same attempt: nothing is duplicated. Failures are shown as notices, never thrown.
 */
export async function recordFinished(scenario: ScenarioV1, attempt: Attempt): Promise<void> {
  const { report } = restoreAttempt(scenario, attempt);
  if (report.status !== 'debrief') return;
  const finishedAt = new Date().toISOString();
  // Unknown when the history cannot be written: then the statements are queued (the outbox and
  // the LRS both recognise a statement id they already have).
  let added = true;
  try {
    ({ added } = await addAttempt({
      attempt,
      report,
      comments: [],
      finishedAt,
      scenarioTitle: scenario.title,
      scenarioVersion: scenario.version,
    }));
    notices.dismiss('history-write');
  } catch (error) {
    notices.show({
      key: 'history-write',
      title: 'This attempt is not in the attempt history',
      text: `The browser refused to store it (${message(error)}). It was still reported to the learning record store or LMS where one is configured. Keep this tab open and use your browser's site settings to free space, then open the debrief again to retry.`,
    });
  }
  try {
    emitFinished(scenario.id, report);
  } catch (error) {
    notices.show({
      key: 'lms-report',
      title: 'The result could not be reported to the LMS',
      text: message(error),
    });
  }
  const config = lrsConfig();
  if (!added || !config) return;
  try {
    await queueStatements(
      buildStatements(scenario, attempt, report, {
        actor: config.actor,
        ...(config.registration ? { registration: config.registration } : {}),
        activityBase: activityBase(),
        finishedAt,
      }),
      config,
    );
    notices.dismiss('lrs-queue');
  } catch (error) {
    notices.show({
      key: 'lrs-queue',
      title: 'This attempt could not be queued for the learning record store',
      text: `${message(error)} It is kept in the attempt history where that works; nothing was sent to the LRS.`,
    });
  }
}

/** Records the attempt the player saved for a scenario, if it has reached its debrief. */
export async function recordFromSave(scenarioId: string): Promise<void> {
  const text = savedAttemptText(scenarioId);
  if (!text) return;
  const opened = await openScenario(scenarioId);
  if (!opened.ok) return;
  const parsed = parseAttempt(text, opened.scenario);
  if (!parsed.ok) return;
  await recordFinished(opened.scenario, parsed.attempt);
}

/** Records every finished attempt the player still keeps (one may have been missed by a quick reload). */
export async function recordAllSaves(): Promise<void> {
  for (const id of savedAttemptIds()) await recordFromSave(id).catch(() => undefined);
}
