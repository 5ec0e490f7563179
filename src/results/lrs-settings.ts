/**
 * Where xAPI statements go. Nothing is sent unless an LRS is configured, either on the Settings
 * screen (kept on this device) or by a launch URL carrying `endpoint`, `auth`, `actor` and
 * optionally `registration`, as xAPI launches pass them (kept for this browser tab only).
 */
import type { Agent } from '../engine/index.ts';

export interface LrsConfig {
  /** The LRS endpoint, ending in "/" (statements go to `<endpoint>statements`). */
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function readJson<T>(storage: Storage, key: string): T | null {
  try {
    const text = storage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** The endpoint as a URL ending in "/", or a message saying what is wrong with it. */
export function normaliseEndpoint(
  text: string,
): { ok: true; endpoint: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {
      ok: false,
      message: 'The endpoint must be a full address such as https://lrs.example.org/xapi/.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'The endpoint must start with https://.' };
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, endpoint: url.href };
}

export function basicAuth(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function actorOf(settings: LrsSettings, endpoint: string): Agent {
  const id = settings.identifier.trim();
  const name = settings.name.trim();
  if (/^[^@\s]+@[^@\s]+$/.test(id)) return { ...(name ? { name } : {}), mbox: `mailto:${id}` };
  return { ...(name ? { name } : {}), account: { homePage: new URL(endpoint).origin, name: id } };
}

/** Problems with settings as typed (empty when they can be saved). */
export function settingsProblems(s: LrsSettings): string[] {
  const problems: string[] = [];
  const endpoint = normaliseEndpoint(s.endpoint);
  if (!endpoint.ok) problems.push(endpoint.message);
  if (!s.key.trim()) problems.push('Enter the key (user name) the LRS gave you.');
  if (!s.secret) problems.push('Enter the secret (password) the LRS gave you.');
  if (!s.identifier.trim())
    problems.push(
      'Enter your e-mail address or learner id, so the LRS knows whose results these are.',
    );
  return problems;
}

export function loadSettings(): LrsSettings | null {
  return readJson<LrsSettings>(localStorage, SETTINGS_KEY);
}

export function saveSettings(settings: LrsSettings | null): void {
  if (settings === null) localStorage.removeItem(SETTINGS_KEY);
  else localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/**
 * Reads launch parameters from the page address. When they name an LRS, they are kept for this
 * tab and removed from the address bar (the auth token should not end up in bookmarks).
 * Returns a message when the launch parameters are present but unusable.
 */
export function captureLaunch(): string | null {
  const url = new URL(location.href);
  const params = url.searchParams;
  if (!params.has('endpoint')) return null;
  const endpoint = normaliseEndpoint(params.get('endpoint') ?? '');
  const auth = params.get('auth') ?? '';
  let actor: Agent | null = null;
  try {
    const parsed = JSON.parse(params.get('actor') ?? '') as Record<string, unknown> & {
      mbox?: unknown;
      account?: { homePage?: unknown; name?: unknown };
    };
    const name =
      typeof parsed.name === 'string'
        ? parsed.name
        : Array.isArray(parsed.name)
          ? String(parsed.name[0])
          : undefined;
    const mbox = Array.isArray(parsed.mbox) ? parsed.mbox[0] : parsed.mbox;
    const account = Array.isArray(parsed.account) ? parsed.account[0] : parsed.account;
    if (typeof mbox === 'string') actor = { ...(name ? { name } : {}), mbox };
    else if (account && typeof account.homePage === 'string' && typeof account.name === 'string') {
      actor = {
        ...(name ? { name } : {}),
        account: { homePage: account.homePage, name: account.name },
      };
    }
  } catch {
    actor = null;
  }
  const registration = params.get('registration') ?? undefined;
  for (const key of ['endpoint', 'auth', 'actor', 'registration', 'activity_id', 'activityId'])
    params.delete(key);
  history.replaceState(history.state, '', url.href);
  if (!endpoint.ok) return `The launch address names an LRS, but ${endpoint.message}`;
  if (!actor)
    return 'The launch address names an LRS but no valid learner ("actor"), so no results will be sent.';
  if (registration !== undefined && !UUID.test(registration))
    return 'The launch registration is not a UUID, so no results will be sent.';
  const config: Omit<LrsConfig, 'source'> = {
    endpoint: endpoint.endpoint,
    auth,
    actor,
    ...(registration ? { registration } : {}),
  };
  sessionStorage.setItem(LAUNCH_KEY, JSON.stringify(config));
  return null;
}

/** The LRS to send to, or null when none is configured (then nothing is ever sent). */
export function lrsConfig(): LrsConfig | null {
  const launch = readJson<Omit<LrsConfig, 'source'>>(sessionStorage, LAUNCH_KEY);
  if (launch?.endpoint && launch.actor) return { ...launch, source: 'launch' };
  const settings = loadSettings();
  if (!settings || settingsProblems(settings).length) return null;
  const endpoint = normaliseEndpoint(settings.endpoint);
  if (!endpoint.ok) return null;
  return {
    endpoint: endpoint.endpoint,
    auth: basicAuth(settings.key.trim(), settings.secret),
    actor: actorOf(settings, endpoint.endpoint),
    source: 'settings',
  };
}
