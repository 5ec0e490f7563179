/**
 * Attempts rebuilt from this simulator's own xAPI statements, as a learning record store returns
 * them: each attempt's `completed` statement carries its log (the `…/xapi/attempt-log` result
 * extension, in the compact SCORM resume form) — the only thing a cohort view replays; the score
 * statements are never read. Statements of other tools, or without a log, are skipped and counted.
 */
import { statementKey } from './identity.ts';

export interface StatementAttempt {
  /** The identity under which it is counted once (identity.ts): its statement's id. */
  key: string;
  /** The compact attempt log (decode with decodeSuspendData against the scenario). */
  log: string;
  /** The actor's name, else its e-mail address (without mailto:) or account name. */
  trainee: string;
  registration: string;
  /** The statement's timestamp (ISO 8601). */
  finishedAt: string;
  scenarioVersion: string;
  /** "practice" or "assessment" as the statement says, else "". */
  mode: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';

/** The value of the first extension whose IRI ends with `/xapi/<name>`. */
function extension(extensions: unknown, name: string): unknown {
  if (!isObject(extensions)) return undefined;
  const key = Object.keys(extensions).find((k) => k.endsWith(`/xapi/${name}`));
  return key === undefined ? undefined : extensions[key];
}

function traineeOf(actor: unknown): string {
  if (!isObject(actor)) return '';
  if (typeof actor.name === 'string' && actor.name.trim()) return actor.name.trim();
  if (typeof actor.mbox === 'string') return actor.mbox.replace(/^mailto:/i, '');
  if (isObject(actor.account) && typeof actor.account.name === 'string') return actor.account.name;
  return '';
}

/**
 * The attempts in a list of statements (any order, any verbs), each once by its key (a statement
 * met on two pages counts once).
 * Returns them and how many statements were skipped (not a `completed` statement with a log).
 */
export function attemptsFromStatements(statements: readonly unknown[]): {
  attempts: StatementAttempt[];
  skipped: number;
} {
  const attempts = new Map<string, StatementAttempt>();
  let skipped = 0;
  for (const s of statements) {
    const verb = isObject(s) && isObject(s.verb) ? s.verb.id : undefined;
    const result = isObject(s) && isObject(s.result) ? s.result : undefined;
    const log = extension(result?.extensions, 'attempt-log');
    if (!isObject(s) || verb !== COMPLETED || typeof log !== 'string') {
      skipped++;
      continue;
    }
    const context = isObject(s.context) ? s.context : {};
    const registration = typeof context.registration === 'string' ? context.registration : '';
    const version = extension(context.extensions, 'scenario-version');
    const mode = extension(context.extensions, 'mode');
    const key = statementKey({ id: s.id, registration, log });
    if (!attempts.has(key))
      attempts.set(key, {
        key,
        log,
        trainee: traineeOf(s.actor),
        registration,
        finishedAt: typeof s.timestamp === 'string' ? s.timestamp : '',
        scenarioVersion: typeof version === 'string' ? version : '',
        mode: mode === 'practice' || mode === 'assessment' ? mode : '',
      });
  }
  return { attempts: [...attempts.values()], skipped };
}
