/**
 * Which option of a choice (a step's options, or an event's responses) is the best one: the one
 * rule behind the report's "best option", the headless "best" strategy (and so `run --strategy
 * best` on the command line and the workspace's Best button) and the analysis (cues, the best
 * path, steps only weaker options reach).
 *
 * "Best" goes by weighted points: each competency's points times its weight, summed. A critical
 * option is never the best, whatever its points (a 0-point critical option among 0-point options
 * is not "best"); of equals, the first written is the best.
 */

/** What the rule reads of an option. */
export interface Rated {
  points?: Readonly<Record<string, number>> | undefined;
  critical?: unknown;
}

/** The best option's position, or −1 when there is none (no options, or every one is critical). */
export interface BestOption {
  index: number;
  /** No other non-critical option has the same weighted points (false when there is no best). */
  unique: boolean;
}

/**
 * Σ points × weight over an option's competencies; a competency not in `weights` counts 0.
 * `weights`: competency id → weight, as the scenario declares them.
 */
export function weightedPoints(
  points: Readonly<Record<string, number>> | undefined,
  weights: ReadonlyMap<string, number>,
): number {
  let total = 0;
  for (const [id, p] of Object.entries(points ?? {})) total += p * (weights.get(id) ?? 0);
  return total;
}

/** The best of `options` by `weighted` (an option's weighted points); see the module's rule. */
export function bestOption<O extends Rated>(
  options: readonly O[],
  weighted: (option: O) => number,
): BestOption {
  let index = -1;
  let top = -Infinity;
  let unique = false;
  options.forEach((o, k) => {
    if (o.critical) return;
    const v = weighted(o);
    if (index < 0 || v > top) {
      index = k;
      top = v;
      unique = true;
    } else if (v === top) unique = false;
  });
  return { index, unique };
}
