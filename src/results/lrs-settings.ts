/**
 * Where xAPI statements go. Nothing is sent unless an LRS is configured, either on the Settings
 * screen (kept on this device) or by a launch URL carrying `endpoint`, `auth`, `actor` and
 * optionally `registration`, as xAPI launches pass them (kept for this browser tab only).
 *
 * Launch parameters are checked when the page opens: what the xAPI specification allows is
 * normalised (a bare e-mail address becomes a `mailto:` IRI, the 0.9 launch forms with arrays and
 * the 0.95 account form become 1.0.3 agents, credentials written into the endpoint become the
 * Authorization header), and anything else is refused then, with a message the trainee sees.
 * Credentials are never part of a displayed endpoint.
 */
import type { Agent } from '../engine/index.ts';

/** How long one request to an LRS may take before it counts as failed, in milliseconds. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface LrsConfig {
  /** The LRS endpoint, ending in "/" (statements go to `<endpoint>statements`), no credentials. */
  endpoint: string;
  /** The Authorization header value, e.g. "Basic …". */
  auth: string;
  actor: Agent;
  registration?: string;
  source: 'settings' | 'launch';
}

/** What the Settings screen stores. */
export interface LrsSettings {
  endpoint: string;
  key: string;
  secret: string;
  name: string;
  /** An e-mail address, or any stable learner identifier. */
  identifier: string;
}

const SETTINGS_KEY = 'kap.lrs';
const LAUNCH_KEY = 'kap.lrs.launch';
/** Why the launch link that opened this tab was refused (kept for the tab, like the launch). */
const REFUSED_KEY = 'kap.lrs.launch-refused';

function keepForTab(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Session storage unavailable: the refusal still holds for this page (see launchRefusal).
  }
}
let refusedHere: string | null = null;

/**
 * Why the launch link that opened this tab was refused, or null. While a refusal stands, nothing
 * from this tab is sent to any LRS, not even one saved in Settings: the trainee was sent by the
 * link to its LRS, and their results must not go somewhere else they did not choose for it.
 */
export function launchRefusal(): string | null {
  if (refusedHere) return refusedHere;
  try {
    return sessionStorage.getItem(REFUSED_KEY);
  } catch {
    return null;
  }
}

/** Lifts the refusal for this tab (the trainee saved a destination in Settings in it). */
export function clearLaunchRefusal(): void {
  refusedHere = null;
  keepForTab(REFUSED_KEY, null);
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$/;
/** Hosts a plain http:// endpoint is allowed for: this computer (W3C Secure Contexts, 3.2). */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function readJson(storage: Storage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

export type Endpoint =
  | { ok: true; endpoint: string; credentials: { user: string; password: string } | null }
  | { ok: false; message: string };

/**
 * The endpoint as an https URL ending in "/" (http only for this computer), with any
 * `user:password@` taken out of it and returned apart; or a message saying what is wrong.
 */
export function normaliseEndpoint(input: string): Endpoint {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return {
      ok: false,
      message: 'The endpoint must be a full address such as https://lrs.example.org/xapi/.',
    };
  }
  const local = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return {
      ok: false,
      message:
        'The endpoint must start with https:// (plain http:// is accepted only for an LRS on this computer, at localhost), so that results and credentials are not sent unencrypted.',
    };
  const credentials =
    url.username || url.password
      ? { user: safeDecode(url.username), password: safeDecode(url.password) }
      : null;
  url.username = '';
  url.password = '';
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, endpoint: url.href, credentials };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function basicAuth(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** An IRL such as an account's home page: an absolute http(s) address. */
function isIrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The actor of a launch link as an xAPI 1.0.3 Agent, or the reason it cannot be used. Accepts
 * the 1.0.3 form, the 0.9 launch form (each property an array of one value), the 0.95 account
 * form (`accountServiceHomePage`, `accountName`) and a bare e-mail address as `mbox`.
 */
export function normaliseActor(
  value: unknown,
): { ok: true; actor: Agent } | { ok: false; message: string } {
  const first = (v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : v);
  if (!isObject(value))
    return { ok: false, message: 'The learner ("actor") must be an xAPI agent written as JSON.' };
  const rawName = first(value.name);
  const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim() : undefined;
  const withName = <T extends object>(agent: T) => (name ? { name, ...agent } : agent);
  const mbox = first(value.mbox);
  if (mbox !== undefined) {
    if (typeof mbox !== 'string')
      return { ok: false, message: 'The learner\'s "mbox" must be an e-mail address.' };
    const address = mbox.trim().replace(/^mailto:/i, '');
    if (!EMAIL.test(address))
      return {
        ok: false,
        message: `The learner's "mbox" (${mbox.slice(0, 80)}) is not an e-mail address.`,
      };
    return { ok: true, actor: withName({ mbox: `mailto:${address}` }) };
  }
  const account = first(value.account);
  if (isObject(account)) {
    const homePage = text(account.homePage) || text(account.accountServiceHomePage);
    const accountName = text(account.name) || text(account.accountName);
    if (!homePage || !accountName)
      return {
        ok: false,
        message: 'The learner\'s "account" needs a "homePage" and a "name".',
      };
    if (!isIrl(homePage))
      return {
        ok: false,
        message: `The learner's account "homePage" (${homePage.slice(0, 80)}) must be an http(s) address.`,
      };
    return { ok: true, actor: withName({ account: { homePage, name: accountName } }) };
  }
  if (value.mbox_sha1sum !== undefined || value.openid !== undefined)
    return {
      ok: false,
      message:
        'The learner is identified by "mbox_sha1sum" or "openid", which this simulator does not send; use "mbox" or "account".',
    };
  return {
    ok: false,
    message: 'The learner ("actor") has no "mbox" (e-mail address) or "account".',
  };
}

function actorOf(settings: LrsSettings, endpoint: string): Agent {
  const id = settings.identifier.trim();
  const name = settings.name.trim();
  if (EMAIL.test(id.replace(/^mailto:/i, '')))
    return { ...(name ? { name } : {}), mbox: `mailto:${id.replace(/^mailto:/i, '')}` };
  return { ...(name ? { name } : {}), account: { homePage: new URL(endpoint).origin, name: id } };
}

/** Problems with settings as typed (empty when they can be saved). */
export function settingsProblems(s: LrsSettings): string[] {
  const problems: string[] = [];
  const endpoint = normaliseEndpoint(s.endpoint);
  if (!endpoint.ok) problems.push(endpoint.message);
  const inUrl = endpoint.ok ? endpoint.credentials : null;
  if (!s.key.trim() && !inUrl) problems.push('Enter the key (user name) the LRS gave you.');
  if (!s.secret && !inUrl) problems.push('Enter the secret (password) the LRS gave you.');
  if (!s.identifier.trim())
    problems.push(
      'Enter your e-mail address or learner id, so the LRS knows whose results these are.',
    );
  return problems;
}

/** The stored settings with every field a string (a damaged or incomplete entry reads as empty). */
export function loadSettings(): LrsSettings | null {
  const value = readJson(localStorage, SETTINGS_KEY);
  if (!isObject(value)) return null;
  return {
    endpoint: text(value.endpoint),
    key: text(value.key),
    secret: text(value.secret),
    name: text(value.name),
    identifier: text(value.identifier),
  };
}

/**
 * Saves the settings; credentials typed into the endpoint are moved to the key and secret, so
 * the endpoint kept (and shown) never holds them.
 */
export function saveSettings(settings: LrsSettings | null): void {
  if (settings === null) {
    localStorage.removeItem(SETTINGS_KEY);
    return;
  }
  const endpoint = normaliseEndpoint(settings.endpoint);
  const clean =
    endpoint.ok && endpoint.credentials
      ? {
          ...settings,
          endpoint: endpoint.endpoint,
          key: settings.key.trim() || endpoint.credentials.user,
          secret: settings.secret || endpoint.credentials.password,
        }
      : settings;
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(clean));
}

/**
 * Reads launch parameters from the page address. When they name an LRS, they are kept for this
 * tab and removed from the address bar (the auth token should not end up in bookmarks).
 * Returns a message when the launch parameters are present but unusable: the refusal is kept for
 * the tab (a reload still shows it) and nothing from the tab is sent (see launchRefusal).
 */
export function captureLaunch(): string | null {
  const url = new URL(location.href);
  if (!url.searchParams.has('endpoint')) return launchRefusal();
  const problem = readLaunch(url);
  refusedHere = problem;
  keepForTab(REFUSED_KEY, problem);
  return problem;
}

function readLaunch(url: URL): string | null {
  const params = url.searchParams;
  const endpoint = normaliseEndpoint(params.get('endpoint') ?? '');
  let auth = params.get('auth') ?? '';
  let actorJson: unknown = null;
  try {
    actorJson = JSON.parse(params.get('actor') ?? '');
  } catch {
    actorJson = null;
  }
  const actor = normaliseActor(actorJson);
  const registration = params.get('registration') ?? undefined;
  for (const key of ['endpoint', 'auth', 'actor', 'registration', 'activity_id', 'activityId'])
    params.delete(key);
  history.replaceState(history.state, '', url.href);
  sessionStorage.removeItem(LAUNCH_KEY);
  if (!endpoint.ok)
    return `The link that opened the simulator names an LRS that cannot be used. ${endpoint.message}`;
  if (!auth && endpoint.credentials)
    auth = basicAuth(endpoint.credentials.user, endpoint.credentials.password);
  if (!auth)
    return 'The link that opened the simulator names an LRS but gives no credentials ("auth").';
  if (!actor.ok)
    return `The link that opened the simulator names a learner that cannot be used. ${actor.message}`;
  if (registration !== undefined && !UUID.test(registration))
    return 'The link that opened the simulator gives a "registration" that is not a UUID.';
  const config: Omit<LrsConfig, 'source'> = {
    endpoint: endpoint.endpoint,
    auth,
    actor: actor.actor,
    ...(registration ? { registration } : {}),
  };
  sessionStorage.setItem(LAUNCH_KEY, JSON.stringify(config));
  return null;
}

function launchConfig(): LrsConfig | null {
  const value = readJson(sessionStorage, LAUNCH_KEY);
  if (!isObject(value)) return null;
  const endpoint = normaliseEndpoint(text(value.endpoint));
  const actor = normaliseActor(value.actor);
  const registration = text(value.registration);
  if (!endpoint.ok || !actor.ok || !text(value.auth)) return null;
  return {
    endpoint: endpoint.endpoint,
    auth: text(value.auth),
    actor: actor.actor,
    ...(UUID.test(registration) ? { registration } : {}),
    source: 'launch',
  };
}

/**
 * The LRS to send to, or null when none is configured or the tab's launch link was refused (then
 * nothing is sent).
 */
export function lrsConfig(): LrsConfig | null {
  if (launchRefusal()) return null;
  const launch = launchConfig();
  if (launch) return launch;
  const settings = loadSettings();
  if (!settings || settingsProblems(settings).length) return null;
  const endpoint = normaliseEndpoint(settings.endpoint);
  if (!endpoint.ok) return null;
  const key = settings.key.trim() || endpoint.credentials?.user || '';
  const secret = settings.secret || endpoint.credentials?.password || '';
  return {
    endpoint: endpoint.endpoint,
    auth: basicAuth(key, secret),
    actor: actorOf(settings, endpoint.endpoint),
    source: 'settings',
  };
}
