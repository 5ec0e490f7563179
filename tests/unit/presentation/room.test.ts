import { describe, expect, it } from 'vitest';
import { roomScene } from '../../../src/engine/presentation/room.ts';

const calm = { dissociation: 0, nausea: 0, anxiety: 2 };
const view = (over: Partial<typeof calm> = {}, settings = {}, dosed = true) => ({
  dosed,
  settings: { music: 'off', eyeshades: 'off', lights: 'bright', ...settings } as const,
  vitals: { ...calm, ...over },
});

describe('room scene', () => {
  it('shows the set and setting and says so in words', () => {
    const scene = roomScene(view({}, { music: 'on', eyeshades: 'on', lights: 'dim' }), 'Elias');
    expect(scene).toMatchObject({ eyeshades: true, music: true, lightsDim: true });
    expect(scene.description).toBe(
      'Elias sits up in the chair, wearing eyeshades, and looks calm. The lights are dimmed; music is playing.',
    );
  });

  it('follows the patient’s state: absorbed after the dose, curled and distressed when upset', () => {
    expect(roomScene(view({ dissociation: 6 }), 'Elias').posture).toBe('reclined');
    expect(roomScene(view({ dissociation: 6 }, {}, false), 'Elias').posture).toBe('upright');
    const upset = roomScene(view({ anxiety: 8 }), 'Helen');
    expect(upset).toMatchObject({ posture: 'curled', distress: 'distressed' });
    expect(upset.description).toContain('looks very distressed');
    expect(roomScene(view({ nausea: 5 }), 'Helen').description).toContain('looks queasy');
  });

  it('shows the emergency while one is on, in the patient panel’s words, whatever the scores', () => {
    const step = { id: 's', speaker: 'patient', text: '…', affect: 'holding her head, frightened' };
    const missed = roomScene({ ...view(), crisis: true, step, openEvents: [] }, 'Helen');
    expect(missed).toMatchObject({ posture: 'curled', distress: 'distressed' });
    expect(missed.description).toContain('and is in distress (holding her head, frightened)');
    const open = roomScene(
      {
        ...view(),
        crisis: true,
        step,
        openEvents: [{ id: 'e', text: '…', affect: 'retching', deadline: 3, options: [] }],
      },
      'Helen',
    );
    expect(open.description).toContain('is in distress (retching)');
    expect(roomScene({ ...view(), crisis: false, step }, 'Helen').description).toContain(
      'looks calm',
    );
  });

  it('an emergency without an affect is described by the scores, never as more than they show', () => {
    const step = { id: 's', speaker: 'narrator', text: '…' };
    const lowNausea = roomScene(
      { ...view({ anxiety: 2, nausea: 3 }), crisis: true, step, openEvents: [] },
      'Helen',
    );
    expect(lowNausea.description).toContain('looks calm');
    expect(lowNausea.description).not.toMatch(/very/);
    const some = roomScene(
      { ...view({ anxiety: 5 }), crisis: true, step, openEvents: [] },
      'Helen',
    );
    expect(some.description).toContain('looks uneasy');
    const marked = roomScene(
      { ...view({ nausea: 7 }), crisis: true, step, openEvents: [] },
      'Helen',
    );
    expect(marked.description).toContain('looks very nauseous');
    // The bands' edges: 3 calm, 4 some, 6 some, 7 marked.
    expect(roomScene(view({ anxiety: 3 }), 'Helen').distress).toBe('calm');
    expect(roomScene(view({ anxiety: 4 }), 'Helen').distress).toBe('uneasy');
    expect(roomScene(view({ anxiety: 6 }), 'Helen').distress).toBe('uneasy');
    expect(roomScene(view({ anxiety: 7 }), 'Helen').distress).toBe('distressed');
  });
});
