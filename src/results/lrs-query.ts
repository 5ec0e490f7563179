/**
 * Reading statements back from a learning record store for the cohort view: the standard
 * statements resource (`GET <endpoint>statements`, xAPI 1.0.3 §2.1.3 of the Communication part)
 * filtered by verb (completed), activity and time, following each page's `more` link. Credentials
 * are used for these requests only: they are never stored, logged or exported.
 */
import { basicAuth, normaliseEndpoint } from './lrs-settings.ts';

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

/**
 * Every `completed` statement matching the query, following `more` links (resolved against the
 * endpoint, as the spec says they are relative to the LRS). Throws an Error with a sentence saying
 * what went wrong (a refused endpoint, a status other than 200 with the LRS's answer, no answer).
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
  let url: string | null = `${normal.endpoint}statements?${params}`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    let response: Response;
    try {
      response = await fetch(url, { headers, credentials: 'omit' });
    } catch {
      throw new Error('The LRS did not answer (no network, or it does not allow this site).');
    }
    if (response.status !== 200)
      throw new Error(
        `The LRS answered ${response.status}${response.status === 401 || response.status === 403 ? ' (the key and secret were refused)' : ''}: ${(await response.text()).slice(0, 200)}`,
      );
    const body = (await response.json()) as { statements?: unknown; more?: unknown };
    if (!Array.isArray(body.statements))
      throw new Error('The LRS answer is not a statement result (no "statements" list).');
    statements.push(...body.statements);
    onPage?.(statements.length);
    url =
      typeof body.more === 'string' && body.more ? new URL(body.more, normal.endpoint).href : null;
  }
  return statements;
}
