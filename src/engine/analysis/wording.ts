/**
 * The words `analyze` and the workspace's analysis panel both use for what the analysis found,
 * so the command line and the panel say the same thing in the same terms.
 */
import { GATE_TITLES } from '../session/gates.ts';
import type { CriticalError } from './analyze.ts';

/** Why the overall maximum is not the sum of the competency maxima (see `Scores`). */
export const RANGES_APART =
  "Each range is taken over the paths on its own: the path that reaches one competency's maximum need not reach another's, so the overall maximum can be below the sum of the competency maxima.";

/**
 * What a competency in `Scores.notScored` shows instead of "min 0, max 0": `withoutGates` for the
 * figures without a gated choice, otherwise for all paths.
 */
export const notScoredText = (withoutGates: boolean): string =>
  withoutGates ? 'not scored without a gated choice' : 'not scored on any path';

/**
 * When a reachable critical error is recorded only if a gate opens, why: "only if the dose gate
 * lets it through" (the option itself is gated) or "reached only through a gated choice"; null
 * when no gate stands in its way.
 */
export function gatingOf(c: Pick<CriticalError, 'gates' | 'gated'>): string | null {
  if (c.gates.length > 0)
    return `only if the ${c.gates.map((g) => GATE_TITLES[g].name).join(' and ')} lets it through`;
  return c.gated ? 'reached only through a gated choice' : null;
}

/** The unused content's names, lower case (`Analysis['unused']` field → words). */
export const UNUSED_TERMS = {
  references: 'references never cited',
  variablesNeverRead: 'variables never read',
  variablesNeverWritten: 'variables never set',
  audio: 'audio clips never played',
  endings: 'endings never reached',
} as const;
