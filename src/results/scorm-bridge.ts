/**
 * The simulator inside an LMS (SCORM 1.2): resumes the attempt kept in `cmi.suspend_data`, keeps
 * it up to date while the trainee plays (every few seconds, on leaving the page), and reports the
 * result when an attempt reaches its debrief.
 *
 * What the LMS holds is never overwritten by accident: resume data saved with another version of
 * the scenario (or damaged) is explained on screen and kept until the trainee chooses to discard
 * it; a save too long for the LMS is reported, and the LMS keeps the last one that fitted. The
 * LMS session is finished only when the page is really unloaded, not when it goes into the
 * browser's back/forward cache, from which it comes back still connected.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import { hashScenario, parseAttempt, serializeAttempt } from '../engine/index.ts';
import {
  SUSPEND_DATA_LIMIT,
  decodeSuspendData,
  encodeSuspendData,
  suspendDataHash,
  suspendDataScenario,
} from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import { decodeSegment } from '../ui/router.svelte.ts';
import { saveAttemptText, savedAttemptText } from '../ui/storage.ts';
import { onFinished } from './finished.ts';
import { notices } from './notices.svelte.ts';
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

const HELD = 'scorm-resume-held';
const TOO_LONG = 'scorm-too-long';

/**
 * Why the LMS's resume data cannot be used for `scenario` (null when it can): saved with another
 * version of the scenario, or damaged.
 */
function resumeProblem(scenario: ScenarioV1, data: string): string | null {
  if (suspendDataHash(data) !== hashScenario(scenario))
    return 'The scenario has changed since this attempt was saved, so it cannot be replayed faithfully.';
  const decoded = decodeSuspendData(scenario, data);
  if (!decoded.ok) return decoded.message;
  const checked = parseAttempt(serializeAttempt(decoded.attempt), scenario);
  return checked.ok ? null : checked.message;
}

export async function startScorm(api: Scorm12Api): Promise<ScormSession> {
  const scorm = new ScormSession(api);
  let lastSaved = scorm.suspendData;
  // The save last encoded: an unchanged save is not parsed and encoded again every few seconds.
  let lastText: string | null = null;
  /** Set while the LMS holds resume data the trainee has not yet chosen to discard. */
  let held: string | null = null;

  /** Writes the current attempt to suspend_data (synchronously, once its scenario is loaded). */
  const save = () => {
    const raw = routeScenario();
    if (!raw || scorm.finished || held !== null) return;
    const id = decodeSegment(raw);
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
    if (data.length > SUSPEND_DATA_LIMIT) {
      notices.show({
        key: TOO_LONG,
        title: 'Your progress is no longer saved in the LMS',
        text: `This attempt has become too long for the LMS to keep (SCORM 1.2 keeps at most ${SUSPEND_DATA_LIMIT.toLocaleString('en')} characters; it needs ${data.length.toLocaleString('en')}). It is still saved on this device, and its result will be reported when you finish. On another computer, the LMS would resume it from the last point it could keep.`,
      });
      return;
    }
    notices.dismiss(TOO_LONG);
    if (data === lastSaved) return;
    scorm.saveProgress(data);
    lastSaved = data;
  };

  /** Resumes from suspend_data when this device has no later save of the same attempt. */
  const resume = async () => {
    const data = scorm.suspendData;
    const id = suspendDataScenario(data);
    if (!id) return;
    const scenario = await scenarioFor(id);
    if (!scenario) return;
    const problem = resumeProblem(scenario, data);
    if (problem) {
      held = data;
      notices.show({
        key: HELD,
        title: 'Your attempt saved in the LMS cannot be resumed',
        text: `The LMS holds an unfinished attempt of "${scenario.title}". ${problem} It is kept in the LMS, unchanged, until you choose: discard it to save your progress in the LMS again, or keep it (your progress is then saved on this device only).`,
        actions: [
          {
            label: 'Discard the LMS copy',
            run: () => {
              held = null;
              lastSaved = '';
              lastText = null;
              scorm.saveProgress('');
              notices.dismiss(HELD);
              save();
            },
          },
          { label: 'Keep it', run: () => notices.dismiss(HELD) },
        ],
      });
      return;
    }
    const decoded = decodeSuspendData(scenario, data);
    if (!decoded.ok) return;
    const local = savedAttemptText(id);
    const localAttempt = local ? parseAttempt(local, scenario) : null;
    const sameAttempt = localAttempt?.ok && localAttempt.attempt.seed === decoded.attempt.seed;
    if (!sameAttempt || localAttempt.attempt.events.length < decoded.attempt.events.length) {
      saveAttemptText(id, serializeAttempt(decoded.attempt));
    }
    location.hash = `#/session/${encodeURIComponent(id)}`;
  };

  onFinished(({ report }) => {
    save();
    scorm.reportResult(report.passed, report.overall);
  });
  addEventListener('hashchange', save);
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
  // A page kept in the back/forward cache (persisted) may come back: only save and commit then.
  addEventListener('pagehide', (event) => {
    save();
    if (event.persisted) scorm.commit();
    else scorm.finish();
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted) save();
  });
  setInterval(save, 5000);
  await resume();
  save();
  return scorm;
}
