/**
 * Author mode (`#/workspace?author`): the page was opened by `npm run author`, whose dev server
 * serves the scenario file being edited and announces every save over Vite's HMR channel.
 */

/** The URL path the author server serves the scenario text at. */
export const AUTHOR_SCENARIO_URL = '/__author/scenario';
/** The URL the workspace posts an edited text to; the author server writes it to the file. */
export const AUTHOR_SAVE_URL = '/__author/save';
/** The HMR event sent on every save. */
export const AUTHOR_EVENT = 'kap:scenario';

export interface AuthorUpdate {
  name: string;
  /** The file's path relative to the project folder (what `npm run scenario` takes). */
  path?: string;
  text: string;
}

export function isAuthorMode(hash: string): boolean {
  const query = hash.split('?')[1] ?? '';
  return new URLSearchParams(query).has('author');
}

/** The current text of the file, or null when no author server answers. */
export async function fetchAuthorScenario(): Promise<AuthorUpdate | null> {
  try {
    const response = await fetch(AUTHOR_SCENARIO_URL, { cache: 'no-store' });
    if (!response.ok) return null;
    let name = 'scenario.json';
    try {
      name = decodeURIComponent(response.headers.get('x-scenario-name') ?? name);
    } catch {
      // keep the default name
    }
    let path: string | undefined;
    try {
      path = decodeURIComponent(response.headers.get('x-scenario-path') ?? '') || undefined;
    } catch {
      // unknown path
    }
    return { name, ...(path ? { path } : {}), text: await response.text() };
  } catch {
    return null;
  }
}

/** Calls `onupdate` on every save; returns the function that stops listening. */
export function listenForSaves(onupdate: (update: AuthorUpdate) => void): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  const handler = (data: unknown) => {
    if (
      typeof data === 'object' &&
      data !== null &&
      typeof (data as AuthorUpdate).text === 'string'
    )
      onupdate({
        name: String((data as AuthorUpdate).name ?? 'scenario.json'),
        ...(typeof (data as AuthorUpdate).path === 'string'
          ? { path: (data as AuthorUpdate).path }
          : {}),
        text: (data as AuthorUpdate).text,
      });
  };
  hot.on(AUTHOR_EVENT, handler);
  return () => hot.off?.(AUTHOR_EVENT, handler);
}
