/**
 * The benchmark scenario's shape as an ink story, for a side-by-side with inkjs: the same number
 * of steps (knots) per phase, the same two choices per step leading to the same places (the
 * first to the following step, the second two steps on, with a loop back every 50 steps), the
 * phase ends and the ending. Choices are sticky (`+`), as scenario options are offered again on
 * a loop. Ink has no clock, vitals, gates or scoring, so this times only what both engines do:
 * take a choice and produce the next step's text and choices.
 */
import { PHASE_IDS } from '../src/engine/format/schema.ts';

export function generateInk(steps: number): string {
  const perPhase = Math.ceil(steps / PHASE_IDS.length);
  const lines: string[] = ['-> a0'];
  PHASE_IDS.forEach((_, p) => {
    const prefix = 'abcde'[p]!;
    const nextPhase = p + 1 < PHASE_IDS.length ? `${'abcde'[p + 1]}0` : 'END';
    for (let i = 0; i < perPhase; i++) {
      const first = i + 1 < perPhase ? `${prefix}${i + 1}` : nextPhase;
      const second = i + 2 < perPhase ? `${prefix}${i % 50 === 49 ? i - 10 : i + 2}` : nextPhase;
      lines.push(`=== ${prefix}${i} ===`, 'Hm.', `+ [Yes] -> ${first}`, `+ [No] -> ${second}`);
    }
  });
  return lines.join('\n') + '\n';
}
