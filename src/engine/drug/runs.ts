/**
 * Memoised whole-minute runs of states: from a state (the run's root), the states 1, 2, 3, …
 * minutes later with no input and no hold ending in between, and the effect of each. The session
 * asks for the state a minute on, then again from that one (the clock), and looks ahead 1, 2, 3,
 * … minutes from the same state and then one more from each of those (when will an alarm sound,
 * when are the acute effects over): one run answers all of these, each in constant time, whether
 * the state asked about is the run's root or any state in it.
 *
 * A run is only extended one minute at a time from its last state, so every state in it is the
 * same numbers as that many one-minute steps from the state asked about, cached or not: what is
 * memoised never depends on what was asked before. The few most recently used runs are kept (a
 * bounded amount, however long the visit); a state in none of them starts a run of its own.
 * States are never changed, so their successors and effects never change.
 */
import type { DrugEffect, DrugState } from './types.ts';

/** Runs kept: a visit needs about two at a time (the state now, and the state after an input). */
const RUNS = 4;
/** States kept per run after its root (the rest of a longer step is still exact, just not kept). */
export const MAX_RUN = 720;

interface Run {
  /** states[0] is the root; states[i] is i whole minutes after it. */
  states: DrugState[];
  /** effects[i] is the effect of states[i], once asked for. */
  effects: Array<DrugEffect | undefined>;
  /** When the run was last used (for replacing the least recently used). */
  used: number;
}

const runs: Run[] = [];
let tick = 0;

/** The run holding `state` and its place in it; a new run rooted at it when none does. */
function place(state: DrugState): { run: Run; at: number } {
  tick++;
  for (const run of runs) {
    const states = run.states;
    let at = -1;
    if (states[0] === state) at = 0;
    else {
      const i = Math.round(state.minute - states[0]!.minute);
      if (i > 0 && i < states.length && states[i] === state) at = i;
    }
    if (at >= 0) {
      run.used = tick;
      found.run = run;
      found.at = at;
      return found;
    }
  }
  const run: Run = { states: [state], effects: [], used: tick };
  if (runs.length < RUNS) runs.push(run);
  else {
    let oldest = 0;
    for (let r = 1; r < runs.length; r++) if (runs[r]!.used < runs[oldest]!.used) oldest = r;
    runs[oldest] = run;
  }
  found.run = run;
  found.at = 0;
  return found;
}
/** place's answer, reused (it is read at once by its caller). */
const found: { run: Run; at: number } = { run: { states: [], effects: [], used: 0 }, at: 0 };

/**
 * The state `whole` (>= 1, an integer) minutes after `state`, each minute made by `oneMinute`
 * from the one before (no input or hold ending in between; the caller ensures it).
 */
export function minutesLater(
  state: DrugState,
  whole: number,
  oneMinute: (s: DrugState) => DrugState,
): DrugState {
  const { run, at } = place(state);
  const states = run.states;
  const target = at + whole;
  let last = states[states.length - 1]!;
  for (let i = states.length; i <= target; i++) {
    last = oneMinute(last);
    if (i <= MAX_RUN) states.push(last);
  }
  return target < states.length ? states[target]! : last;
}

/** The effect of `state`, made by `compute` the first time it is asked for in its run. */
export function effectOf(state: DrugState, compute: (s: DrugState) => DrugEffect): DrugEffect {
  const { run, at } = place(state);
  return (run.effects[at] ??= compute(state));
}
