/**
 * Reading statements back from a learning record store for the cohort view: the standard
 * statements resource (`GET <endpoint>statements`, xAPI 1.0.3 §2.1.3 of the Communication part)
 * filtered by verb (completed), activity and time, following each page's `more` link. Credentials
 * are used for these requests only: they are never stored, logged or exported.
 */
import { basicAuth, normaliseEndpoint, REQUEST_TIMEOUT_MS } from './lrs-settings.ts';

export interface StatementQuery {
  /** The LRS endpoint as typed (https, or http on this computer). */
  endpoint: string;
  key: string;
  secret: string;
  /** An activity IRI (a scenario's), or "" for every activity. */
  activity: string;
  /** ISO 8601 bounds, or "". */
  since: string;
  until: string;
}

/** Pages followed at most, so an LRS that loops its `more` links cannot hold the page forever. */
const MAX_PAGES = 1000;

/** One GET that gives up after REQUEST_TIMEOUT_MS; resolves with the response, or why none. */
async function get(
  url: string,
  headers: Record<string, string>,
): Promise<Response | 'timeout' | 'network'> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, { headers, credentials: 'omit', signal: controller.signal });
  } catch {
    return controller.signal.aborted ? 'timeout' : 'network';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Every `completed` statement matching the query, following `more` links (resolved against the
 * endpoint, as the spec says they are relative to the LRS). Throws an Error with a sentence that
 * names the LRS (its endpoint, without credentials) and says what went wrong: a refused endpoint,
 * no answer within REQUEST_TIMEOUT_MS, no answer at all, a status other than 200 with the LRS's
 * answer, or an answer that is not a statement result.
 */
export async function queryStatements(
  query: StatementQuery,
  onPage?: (statements: number) => void,
): Promise<unknown[]> {
  const normal = normaliseEndpoint(query.endpoint);
  if (!normal.ok) throw new Error(normal.message);
  const user = normal.credentials?.user ?? query.key;
  const password = normal.credentials?.password ?? query.secret;
  const params = new URLSearchParams({ verb: 'http://adlnet.gov/expapi/verbs/completed' });
  if (query.activity.trim()) params.set('activity', query.activity.trim());
  for (const [name, value] of [
    ['since', query.since],
    ['until', query.until],
  ] as const) {
    if (!value.trim()) continue;
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw new Error(`“${name}” must be a date such as 2026-03-01.`);
    params.set(name, new Date(t).toISOString());
  }
  const headers = {
    Authorization: basicAuth(user, password),
    'X-Experience-API-Version': '1.0.3',
  };
  const statements: unknown[] = [];
  const lrs = `The learning record store at ${normal.endpoint}`;
  let url: string | null = `${normal.endpoint}statements?${params}`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await get(url, headers);
    if (response === 'timeout')
      throw new Error(
        `${lrs} did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds${page ? ` (after ${page} pages)` : ''}.`,
      );
    if (response === 'network')
      throw new Error(
        `${lrs} could not be reached (no network, a wrong address, or it does not allow requests from this site).`,
      );
    if (response.status !== 200) {
      const refused = response.status === 401 || response.status === 403;
      const answer = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(
        `${lrs} answered ${response.status}${refused ? ': the key and secret were refused' : ''}${answer ? ` (“${answer}”)` : ''}.`,
      );
    }
    let body: { statements?: unknown; more?: unknown };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new Error(`${lrs} answered with something that is not JSON.`);
    }
    if (!Array.isArray(body?.statements))
      throw new Error(
        `${lrs} answered with something that is not a statement result (no "statements" list).`,
      );
    statements.push(...body.statements);
    onPage?.(statements.length);
    url =
      typeof body.more === 'string' && body.more ? new URL(body.more, normal.endpoint).href : null;
  }
  return statements;
}
