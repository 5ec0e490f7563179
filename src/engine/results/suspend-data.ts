/**
 * A compact text form of an attempt for SCORM 1.2's `cmi.suspend_data` (at most 4,096
 * characters). Option ids become their position in the scenario index (base 36), each event a
 * short token, and repeated tokens are run-length encoded ("a1*3c" is 120 one-minute ticks; counts are base 36).
 *
 *   k1|<scenarioId>|<scenarioHash>|<seed base36>|<p|a>|<tokens joined by ",">
 *
 * When that is longer than the limit (a long session with many pauses, checks and retries), the
 * tokens are deflated (RFC 1951) and written in base64, which is about eight times shorter:
 *
 *   k2|<scenarioId>|<scenarioHash>|<seed base36>|<p|a>|<base64 of the deflated tokens>
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Attempt } from '../attempt/index.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { indexScenario } from '../session/indexScenario.ts';
import type { SessionEvent, SettingName } from '../session/types.ts';

export const SUSPEND_DATA_LIMIT = 4096;
const PREFIX = 'k1';
const DEFLATED = 'k2';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const SETTINGS: SettingName[] = ['music', 'eyeshades', 'lights'];
const SETTING_VALUES = ['off', 'on', 'bright', 'dim'];

function token(event: SessionEvent, optionIds: Map<string, number>): string {
  switch (event.type) {
    case 'session.begin':
      return 'b';
    case 'trainee.choose': {
      const i = optionIds.get(event.optionId);
      // An id the scenario does not know (a refused, logged choice) is kept verbatim.
      return i === undefined
        ? `o${encodeURIComponent(event.optionId).replace(/\*/g, '%2A')}`
        : `c${i.toString(36)}`;
    }
    case 'trainee.retry':
      return 'r';
    case 'trainee.act':
      return 'v';
    case 'trainee.setting': {
      const s = SETTINGS.indexOf(event.setting);
      const v = SETTING_VALUES.indexOf(event.value);
      return `s${s}${v}`;
    }
    case 'trainee.monitor': {
      // Rare (a cuff interval, a set of alarm limits): the command itself, as URI-encoded JSON.
      const { type: _type, ...command } = event;
      return `m${encodeURIComponent(JSON.stringify(command)).replace(/\*/g, '%2A')}`;
    }
    case 'clock.advance':
      return `a${event.minutes}`;
    case 'session.pause':
      return 'p';
    case 'session.resume':
      return 'u';
    case 'session.leave':
      return 'l';
  }
}

function event(tok: string, optionIds: string[]): SessionEvent | string {
  const head = tok[0];
  const rest = tok.slice(1);
  switch (head) {
    case 'b':
      return { type: 'session.begin' };
    case 'c': {
      const id = optionIds[parseInt(rest, 36)];
      return id === undefined
        ? `unknown option number "${rest}"`
        : { type: 'trainee.choose', optionId: id };
    }
    case 'o':
      try {
        return { type: 'trainee.choose', optionId: decodeURIComponent(rest) };
      } catch {
        return `undecodable option id "${rest.slice(0, 20)}"`;
      }
    case 'r':
      return { type: 'trainee.retry' };
    case 'v':
      return { type: 'trainee.act', action: 'checkVitals' };
    case 's': {
      const setting = SETTINGS[Number(rest[0])];
      const value = SETTING_VALUES[Number(rest[1])];
      return setting && value
        ? { type: 'trainee.setting', setting, value }
        : `bad setting "${rest}"`;
    }
    case 'a': {
      const minutes = Number(rest);
      return rest !== '' && Number.isFinite(minutes)
        ? { type: 'clock.advance', minutes }
        : `bad minutes "${rest}"`;
    }
    case 'm':
      try {
        const command = JSON.parse(decodeURIComponent(rest)) as unknown;
        return typeof command === 'object' && command !== null && 'setting' in command
          ? ({ ...command, type: 'trainee.monitor' } as SessionEvent)
          : `bad monitor setting "${rest.slice(0, 20)}"`;
      } catch {
        return `undecodable monitor setting "${rest.slice(0, 20)}"`;
      }
    case 'p':
      return { type: 'session.pause' };
    case 'u':
      return { type: 'session.resume' };
    case 'l':
      return { type: 'session.leave' };
    default:
      return `unknown token "${tok.slice(0, 10)}"`;
  }
}

const optionOrder = (scenario: ScenarioV1) => [...indexScenario(scenario).options.keys()];

/**
 * The compact text of an attempt of `scenario`: the plain form when it fits within
 * SUSPEND_DATA_LIMIT, else the deflated one. Check the result's length against the limit: an
 * attempt too long even deflated cannot be kept by the LMS.
 */
export function encodeSuspendData(scenario: ScenarioV1, attempt: Attempt): string {
  const ids = new Map(optionOrder(scenario).map((id, i) => [id, i]));
  const tokens = attempt.events.map((e) => token(e, ids));
  const runs: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i + 1;
    while (j < tokens.length && tokens[j] === tokens[i]) j++;
    runs.push(j - i > 1 ? `${tokens[i]}*${(j - i).toString(36)}` : tokens[i]!);
    i = j;
  }
  const mode = attempt.mode === 'practice' ? 'p' : 'a';
  const head = [attempt.scenarioId, attempt.scenarioHash, attempt.seed.toString(36), mode];
  const body = runs.join(',');
  const plain = [PREFIX, ...head, body].join('|');
  if (plain.length <= SUSPEND_DATA_LIMIT) return plain;
  return [DEFLATED, ...head, toBase64(deflateSync(strToU8(body), { level: 9 }))].join('|');
}

/** The scenario id a suspend_data text belongs to, or null when it is not ours. */
export function suspendDataScenario(text: string): string | null {
  const parts = text.split('|');
  return parts.length === 6 && (parts[0] === PREFIX || parts[0] === DEFLATED) && parts[1]
    ? parts[1]
    : null;
}

/** The content hash of the scenario a suspend_data text was saved with, or null when not ours. */
export function suspendDataHash(text: string): string | null {
  return suspendDataScenario(text) === null ? null : text.split('|')[2]!;
}

export type DecodeResult = { ok: true; attempt: Attempt } | { ok: false; message: string };

/** The attempt back from its compact text (checked against the scenario it belongs to). */
export function decodeSuspendData(scenario: ScenarioV1, text: string): DecodeResult {
  const parts = text.split('|');
  if (parts.length !== 6 || (parts[0] !== PREFIX && parts[0] !== DEFLATED))
    return { ok: false, message: 'The resume data is not from this simulator.' };
  const [format, scenarioId, scenarioHash, seed36, mode, stored] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (scenarioId !== scenario.id)
    return { ok: false, message: `The resume data belongs to the scenario "${scenarioId}".` };
  const seed = parseInt(seed36, 36);
  if (!Number.isInteger(seed)) return { ok: false, message: 'The resume data has no valid seed.' };
  if (mode !== 'p' && mode !== 'a')
    return { ok: false, message: 'The resume data has no valid mode.' };
  let body = stored;
  if (format === DEFLATED) {
    try {
      body = strFromU8(inflateSync(fromBase64(stored)));
    } catch {
      return { ok: false, message: 'The resume data is damaged: it does not inflate.' };
    }
  }
  const ids = optionOrder(scenario);
  const events: SessionEvent[] = [];
  for (const run of body === '' ? [] : body.split(',')) {
    const [tok, count36] = run.split('*') as [string, string | undefined];
    const count = count36 === undefined ? 1 : parseInt(count36, 36);
    const e = event(tok, ids);
    if (typeof e === 'string' || !Number.isInteger(count) || count < 1) {
      return {
        ok: false,
        message: `The resume data is damaged: ${typeof e === 'string' ? e : `bad count "${count36}"`}.`,
      };
    }
    for (let i = 0; i < count; i++) events.push(e);
  }
  return {
    ok: true,
    attempt: {
      saveVersion: 1,
      scenarioId,
      scenarioHash,
      seed,
      mode: mode === 'p' ? 'practice' : 'assessment',
      events,
    },
  };
}
