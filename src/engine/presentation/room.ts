/**
 * What the room illustration shows: the set and setting (eyeshades, lights, music) from the
 * session's settings, and the patient's posture and visible distress from the state scores
 * (0–10) the engine models. Presentation only: the cut-offs choose a drawing, not a clinical
 * judgement, and the description says what is drawn.
 */
import type { SessionView } from '../session/view.ts';

export interface RoomScene {
  eyeshades: boolean;
  lightsDim: boolean;
  music: boolean;
  /** upright: seated; reclined: lying back, absorbed; curled: turned in on themself. */
  posture: 'upright' | 'reclined' | 'curled';
  distress: 'calm' | 'uneasy' | 'distressed';
  /** The text alternative: one sentence saying everything drawn. */
  description: string;
}

/**
 * The bands of the 0–10 state scores (anxiety, nausea) the drawing and its words use: 0–3 calm,
 * 4–6 some ("uneasy", "queasy"), 7–10 marked ("very distressed", "very nauseous"). Presentation
 * bands, stated in docs/session-rules.md ("The room illustration"); not a clinical scale.
 */
const MARKED = 7;
const SOME = 4;

/**
 * The scene for `view`; `name` is the patient's first name. Distress follows the highest of
 * anxiety and nausea by the bands above. While an emergency is on (`crisis`: the engine's rule,
 * crisis.ts) and the patient panel shows an affect for it, the patient is drawn in marked distress
 * and described by that affect; an emergency without an affect is drawn by the scores, so the words
 * never claim more than the scores shown. Posture follows distress (curled when marked) and
 * dissociation (reclined from some dissociation after the dose).
 */
export function roomScene(
  view: Pick<SessionView, 'settings' | 'dosed'> &
    Partial<Pick<SessionView, 'crisis' | 'crisisNotice' | 'step' | 'openEvents'>> & {
      vitals: Pick<SessionView['vitals'], 'anxiety' | 'nausea' | 'dissociation'>;
    },
  name: string,
): RoomScene {
  const { anxiety, nausea, dissociation } = view.vitals;
  const upset = Math.max(anxiety, nausea);
  const crisisAffect = view.crisis
    ? (view.openEvents?.find((e) => e.affect)?.affect ??
      view.crisisNotice?.affect ??
      view.step?.affect)
    : undefined;
  const distress = crisisAffect
    ? 'distressed'
    : upset >= MARKED
      ? 'distressed'
      : upset >= SOME
        ? 'uneasy'
        : 'calm';
  const posture =
    distress === 'distressed'
      ? 'curled'
      : view.dosed && dissociation >= SOME
        ? 'reclined'
        : 'upright';
  const eyeshades = view.settings.eyeshades === 'on';
  const lightsDim = view.settings.lights === 'dim';
  const music = view.settings.music === 'on';
  const where = {
    upright: 'sits up in the chair',
    reclined: 'lies back in the reclined chair',
    curled: 'is curled on one side in the chair',
  }[posture];
  const looks = crisisAffect
    ? `is in distress (${crisisAffect})`
    : {
        calm: 'looks calm',
        uneasy: nausea > anxiety ? 'looks queasy' : 'looks uneasy',
        distressed: nausea > anxiety ? 'looks very nauseous' : 'looks very distressed',
      }[distress];
  const description =
    `${name} ${where}, ${eyeshades ? 'wearing eyeshades' : 'without eyeshades'}, and ${looks}. ` +
    `The lights are ${lightsDim ? 'dimmed' : 'bright'}; ${music ? 'music is playing' : 'no music is playing'}.`;
  return { eyeshades, lightsDim, music, posture, distress, description };
}
