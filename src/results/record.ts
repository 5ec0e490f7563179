/**
 * Recording a finished attempt: into the history, to the LRS when one is configured, and (through
 * `emitFinished`) to the LMS when running as a SCORM package. The report recorded and sent is
 * always the one replayed from the attempt's log. Each destination is tried on its own: one that
 * fails (the history's database refused, say) is reported on screen and the others still get
 * the attempt.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import { attemptId, parseAttempt, restoreAttempt, type Attempt } from '../engine/index.ts';
import { buildStatements } from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import {
  reflectionFor,
  reflectionKey,
  savedAttemptIds,
  savedAttemptText,
  type Reflection,
} from '../ui/storage.ts';
import { emitFinished } from './finished.ts';
import { addAttempt, listAttempts, setReflection } from './history.ts';
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
export function recordFinished(scenario: ScenarioV1, attempt: Attempt): Promise<boolean> {
  // One at a time, so that a reflection saved meanwhile finds the record (see keepReflection).
  const run = recording.then(() => record(scenario, attempt));
  recording = run.catch(() => undefined);
  return run;
}
let recording: Promise<unknown> = Promise.resolve();

/** Returns whether the attempt is (now) in the history. */
async function record(scenario: ScenarioV1, attempt: Attempt): Promise<boolean> {
  const { report } = restoreAttempt(scenario, attempt);
  if (report.status !== 'debrief') return false;
  let inHistory = false;
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
      ...withReflection(reflectionFor(reflectionKey(attempt))),
    }));
    inHistory = true;
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
  if (!added || !config) return inHistory;
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
  return inHistory;
}

/**
 * Keeps an attempt the trainee left in the history, marked by its replayed report's status
 * ("left"): unscored, never reported to the LRS or LMS as a result. Failures are shown as
 * notices, never thrown. Returns whether it is (now) in the history.
 */
export async function recordLeft(attempt: Attempt): Promise<boolean> {
  await recording;
  const opened = await openScenario(attempt.scenarioId);
  if (!opened.ok) return false;
  const { report } = restoreAttempt(opened.scenario, attempt);
  if (report.status !== 'left') return false;
  try {
    await addAttempt({
      attempt,
      report,
      comments: [],
      finishedAt: new Date().toISOString(),
      scenarioTitle: opened.scenario.title,
      scenarioVersion: opened.scenario.version,
    });
    notices.dismiss('history-left');
    return true;
  } catch (error) {
    notices.show({
      key: 'history-left',
      title: 'The attempt you left is not in the attempt history',
      text: `The browser refused to store it (${message(error)}).`,
    });
    return false;
  }
}

/**
 * The history id of an attempt the player holds: by its log, else the newest record of this
 * device with the same scenario, seed, mode and length (should the player's copy of the log
 * differ in form from the one recorded from its save).
 */
async function recordIdOf(attempt: Attempt): Promise<string> {
  const id = attemptId(attempt);
  const records = await listAttempts();
  if (records.some((r) => r.id === id)) return id;
  const key = reflectionKey(attempt);
  return records.find((r) => !r.imported && reflectionKey(r.attempt) === key)?.id ?? id;
}

const withReflection = (reflection: Reflection | null) => (reflection ? { reflection } : {});

/**
 * Keeps a reflection the trainee just wrote with the attempt's record in the history (after any
 * recording under way). Failures are shown as notices, never thrown.
 */
export async function keepReflection(attempt: Attempt, reflection: Reflection): Promise<void> {
  await recording;
  try {
    // A plain copy: the database cannot store a reactive proxy.
    const { text, skipped, savedAt } = reflection;
    const kept = await setReflection(await recordIdOf(attempt), { text, skipped, savedAt });
    if (kept) notices.dismiss('reflection-write');
  } catch (error) {
    notices.show({
      key: 'reflection-write',
      title: 'Your reflection is not in the attempt history',
      text: `The browser refused to store it (${message(error)}). It is still shown in this tab; copy it somewhere else if it matters before closing the tab.`,
    });
  }
}

/**
 * Records the attempt the player saved for a scenario, if it has reached its debrief. Returns the
 * saved text it recorded (or found already recorded), or null when there was none to record.
 */
export async function recordFromSave(scenarioId: string): Promise<string | null> {
  const text = savedAttemptText(scenarioId);
  if (!text) return null;
  const opened = await openScenario(scenarioId);
  if (!opened.ok) return null;
  const parsed = parseAttempt(text, opened.scenario);
  if (!parsed.ok) return null;
  return (await recordFinished(opened.scenario, parsed.attempt)) ? text : null;
}

/** Records every finished attempt the player still keeps (one may have been missed by a quick reload). */
export async function recordAllSaves(): Promise<void> {
  for (const id of savedAttemptIds()) await recordFromSave(id).catch(() => undefined);
}
