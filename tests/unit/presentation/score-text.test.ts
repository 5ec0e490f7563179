/** A competency's points and score in words, from the engine's report (no recomputation). */
import { describe, expect, it } from 'vitest';
import { competencyScoreText, pointsOfText } from '../../../src/engine/presentation/score-text.ts';
import { score } from '../../../src/engine/scoring/score.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadFixture } from '../session/fixtures.ts';

const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });
const run = (...choices: string[]) =>
  score(loadFixture(), {
    seed: 7,
    mode: 'assessment',
    events: [{ type: 'session.begin' }, ...choices.map(choose)],
  });

describe('competencyScoreText', () => {
  it('names the lowest possible when the score counts from it, so x of y and the score agree', () => {
    // prep-welcome: consent +2 (options +2, −2, −1); prep-screen: skip −2 (options +2, −2).
    const safety = run('prep-consent', 'prep-no-screening').competencies.safety!;
    expect(safety).toMatchObject({ earned: 0, possible: 4, worst: -4, percent: 50 });
    expect(competencyScoreText(safety)).toBe(
      `0 of 4 points, lowest possible −4: score 50% (pass mark ${safety.passPercent}%)`,
    );
  });

  it('says nothing of the lowest when it is 0, and "not scored yet" with no spread', () => {
    const r = run('prep-consent', 'prep-no-screening');
    const alliance = r.competencies.alliance!;
    expect(alliance.percent).toBeNull();
    expect(competencyScoreText(alliance)).toBe(`${pointsOfText(alliance)}: not scored yet`);
    expect(
      competencyScoreText({ ...alliance, earned: 3, possible: 4, worst: 0, percent: 75 }),
    ).toBe(`3 of 4 points: score 75% (pass mark ${alliance.passPercent}%)`);
    expect(pointsOfText({ earned: -1, possible: 1 })).toBe('−1 of 1 point');
  });
});
