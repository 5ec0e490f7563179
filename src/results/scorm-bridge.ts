/**
 * The simulator inside an LMS (SCORM 1.2): resumes the attempt kept in `cmi.suspend_data`, keeps
 * it up to date while the trainee plays (every few seconds, on leaving the page), and reports the
 * result when an attempt reaches its debrief.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import { parseAttempt, serializeAttempt } from '../engine/index.ts';
import {
  SUSPEND_DATA_LIMIT,
  decodeSuspendData,
  encodeSuspendData,
  suspendDataScenario,
} from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import { saveAttemptText, savedAttemptText } from '../ui/storage.ts';
import { onFinished } from './finished.ts';
import { ScormSession, type Scorm12Api } from './scorm.ts';

const scenarios = new Map<string, ScenarioV1>();

async function scenarioFor(id: string): Promise<ScenarioV1 | null> {
  const known = scenarios.get(id);
  if (known) return known;
  const opened = await openScenario(id);
  if (!opened.ok) return null;
  scenarios.set(id, opened.scenario);
  return opened.scenario;
}

const routeScenario = () => /^#\/(?:session|debrief|scenario)\/([^/]+)$/.exec(location.hash)?.[1];

/** Resumes from suspend_data when this device has no later save of the same attempt. */
async function resume(scorm: ScormSession): Promise<void> {
  const data = scorm.suspendData;
  const id = suspendDataScenario(data);
  if (!id) return;
  const scenario = await scenarioFor(id);
  if (!scenario) return;
  const decoded = decodeSuspendData(scenario, data);
  if (!decoded.ok) return;
  const checked = parseAttempt(serializeAttempt(decoded.attempt), scenario);
  if (!checked.ok) return;
  const local = savedAttemptText(id);
  const localEvents = local
    ? (parseAttempt(local, scenario) as { attempt?: { seed: number; events: unknown[] } }).attempt
    : undefined;
  const sameAttempt = localEvents && localEvents.seed === checked.attempt.seed;
  if (!sameAttempt || localEvents.events.length < checked.attempt.events.length) {
    saveAttemptText(id, serializeAttempt(checked.attempt));
  }
  location.hash = `#/session/${encodeURIComponent(id)}`;
}

export async function startScorm(api: Scorm12Api): Promise<ScormSession> {
  const scorm = new ScormSession(api);
  let lastSaved = scorm.suspendData;
  // The save last encoded: an unchanged save is not parsed and encoded again every few seconds.
  let lastText: string | null = null;

  /** Writes the current attempt to suspend_data (synchronously, once its scenario is loaded). */
  const save = () => {
    const raw = routeScenario();
    if (!raw || scorm.finished) return;
    const id = decodeURIComponent(raw);
    const scenario = scenarios.get(id);
    if (!scenario) {
      void scenarioFor(id).then((loaded) => loaded && save());
      return;
    }
    const text = savedAttemptText(id);
    if (!text || text === lastText) return;
    lastText = text;
    const parsed = parseAttempt(text, scenario);
    if (!parsed.ok) return;
    const data = encodeSuspendData(scenario, parsed.attempt);
    if (data.length > SUSPEND_DATA_LIMIT || data === lastSaved) return;
    scorm.saveProgress(data);
    lastSaved = data;
  };

  onFinished(({ report }) => {
    save();
    scorm.reportResult(report.passed, report.overall);
  });
  addEventListener('hashchange', save);
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
  addEventListener('pagehide', () => {
    save();
    scorm.finish();
  });
  setInterval(save, 5000);
  await resume(scorm);
  save();
  return scorm;
}
