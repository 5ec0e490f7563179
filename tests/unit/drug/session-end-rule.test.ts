/**
 * The rule for the end of the acute phase when the drug model drives the signals
 * (docs/session-rules.md, "The drug and the doses given"): the acute effects are over when the
 * modelled effects have settled below the mark, or at the latest when the clock reaches
 * `protocol.sessionMinutes` after the dose, whatever the level; the engine says so, and the
 * discharge criteria still decide whether the patient may leave.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACUTE_EFFECT_FLOOR,
  acuteEffectsOverByModel,
  effectNow,
  sessionEndedAcutePhaseText,
} from '../../../src/engine/session/drug-course.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const base = loadScenarioFile(
  fileURLToPath(new URL('../../../scenarios/ptsd-challenging-experience.json', import.meta.url)),
);

/** The same visit with a patient so sensitive that dissociation never falls below the mark. */
function neverSettles(): ScenarioV1 {
  return { ...base, patient: { ...base.patient, sensitivity: { dissociation: 100 } } };
}

function transcriptText(run: ReturnType<typeof playHeadless>): string[] {
  return [...run.snapshot.context.transcript].map((t) => t.text);
}

describe('the acute phase ends at the latest when the session time is up', () => {
  const text = sessionEndedAcutePhaseText(base.protocol.sessionMinutes);

  it('a visit whose modelled effects never settle still reaches an ending on every strategy', () => {
    const s = neverSettles();
    for (const strategy of ['best', 'worst'] as const) {
      const run = playHeadless(s, { seed: 1, mode: 'assessment', strategy });
      expect(run.error?.code, `${strategy}: ${run.error?.message ?? ''}`).toBeUndefined();
      expect(run.snapshot.context.ending, strategy).not.toBeNull();
    }
    for (let seed = 1; seed <= 10; seed++) {
      const run = playHeadless(s, { seed, mode: 'assessment', strategy: 'random' });
      expect(run.error?.code, `random seed ${seed}`).not.toBe('STUCK');
    }
  });

  it('says why in the transcript, at the last minute, with the effects still above the mark', () => {
    const run = playHeadless(neverSettles(), { seed: 1, mode: 'assessment', strategy: 'best' });
    const c = run.snapshot.context;
    expect(transcriptText(run)).toContain(text);
    const line = [...c.transcript].find((t) => t.text === text)!;
    expect(line.minute).toBe(base.protocol.sessionMinutes);
    expect(effectNow(c)!.dissociation).toBeGreaterThanOrEqual(ACUTE_EFFECT_FLOOR);
    expect(acuteEffectsOverByModel(c)).toBe(true);
  });

  it('does not apply when the effects settle in time: no such line, and the phase ends earlier', () => {
    const run = playHeadless(base, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(run.snapshot.context.ending).not.toBeNull();
    expect(transcriptText(run)).not.toContain(text);
  });
});
