/**
 * A tiny hash router: #/ (library), #/scenario/<id> (briefing), #/session/<id>, #/debrief/<id>;
 * #/history…, #/progress, #/cohort and #/settings belong to the results screens, which read the hash themselves;
 * #/workspace (optionally ?author) is the authoring workspace; #/course/<id> (overview and
 * summary), #/course/<id>/session and #/course/<id>/debrief play a course's current visit.
 */
export type Route =
  | { screen: 'library' }
  | { screen: 'results' }
  | { screen: 'workspace' }
  | { screen: 'briefing'; id: string }
  | { screen: 'session'; id: string }
  | { screen: 'debrief'; id: string }
  | { screen: 'course'; id: string; part: CoursePart };

/** The screens of a course: its overview (and summary), and its current visit's session and debrief. */
export type CoursePart = 'overview' | 'session' | 'debrief';

/**
 * One address segment, percent-decoded; a segment that does not decode (a stray "%", say) is
 * kept as typed, so the screen it names says it does not exist rather than the page going blank.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The decoded segments of an address hash (#/a/b?x → ["a", "b"]). */
export function hashSegments(hash: string): string[] {
  return hash.split('?')[0]!.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeSegment);
}

export function parseHash(hash: string): Route {
  const parts = hashSegments(hash);
  const [screen, id] = parts;
  if (['history', 'settings', 'progress', 'cohort'].includes(screen ?? ''))
    return { screen: 'results' };
  if (screen === 'workspace') return { screen: 'workspace' };
  if (id && screen === 'scenario') return { screen: 'briefing', id };
  if (id && screen === 'session') return { screen: 'session', id };
  if (id && screen === 'debrief') return { screen: 'debrief', id };
  if (id && screen === 'course') {
    const part = parts[2];
    return {
      screen: 'course',
      id,
      part: part === 'session' || part === 'debrief' ? part : 'overview',
    };
  }
  return { screen: 'library' };
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'library':
      return '#/';
    case 'results':
      return '#/history';
    case 'workspace':
      return '#/workspace';
    case 'briefing':
      return `#/scenario/${encodeURIComponent(route.id)}`;
    case 'course':
      return `#/course/${encodeURIComponent(route.id)}${route.part === 'overview' ? '' : `/${route.part}`}`;
    default:
      return `#/${route.screen}/${encodeURIComponent(route.id)}`;
  }
}

class Router {
  route = $state.raw<Route>(parseHash(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      this.route = parseHash(location.hash);
    });
  }

  go(route: Route): void {
    const next = href(route);
    this.route = parseHash(next);
    if (location.hash !== next) location.hash = next;
  }
}

export const router = new Router();
