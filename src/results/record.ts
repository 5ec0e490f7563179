/**
 * Recording a finished attempt: into the history, to the LRS when one is configured, and (through
 * `emitFinished`) to the LMS when running as a SCORM package.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import { parseAttempt, restoreAttempt, type Attempt } from '../engine/index.ts';
import type { Report } from '../engine/index.ts';
import { buildStatements } from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import { savedAttemptIds, savedAttemptText } from '../ui/storage.ts';
import { emitFinished } from './finished.ts';
import { addAttempt } from './history.ts';
import { lrsConfig } from './lrs-settings.ts';
import { queueStatements } from './xapi-client.ts';

/** The IRI under which this deployment names its activities (the app's own address). */
export function activityBase(): string {
  const url = new URL('./', location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** Records a finished attempt. Safe to call again for the same attempt: nothing is duplicated. */
export async function recordFinished(
  scenario: ScenarioV1,
  attempt: Attempt,
  report: Report,
): Promise<void> {
  if (report.status !== 'debrief') return;
  const { record, added } = await addAttempt({
    attempt,
    report,
    comments: [],
    finishedAt: new Date().toISOString(),
    scenarioTitle: scenario.title,
    scenarioVersion: scenario.version,
  });
  emitFinished(scenario.id, report);
  const config = lrsConfig();
  if (!added || !config) return;
  await queueStatements(
    buildStatements(scenario, attempt, report, {
      actor: config.actor,
      ...(config.registration ? { registration: config.registration } : {}),
      activityBase: activityBase(),
      finishedAt: record.finishedAt,
    }),
  );
}

/** Records the attempt the player saved for a scenario, if it has reached its debrief. */
export async function recordFromSave(scenarioId: string): Promise<void> {
  const text = savedAttemptText(scenarioId);
  if (!text) return;
  const opened = await openScenario(scenarioId);
  if (!opened.ok) return;
  const parsed = parseAttempt(text, opened.scenario);
  if (!parsed.ok) return;
  const { report } = restoreAttempt(opened.scenario, parsed.attempt);
  await recordFinished(opened.scenario, parsed.attempt, report);
}

/** Records every finished attempt the player still keeps (one may have been missed by a quick reload). */
export async function recordAllSaves(): Promise<void> {
  for (const id of savedAttemptIds()) await recordFromSave(id).catch(() => undefined);
}
