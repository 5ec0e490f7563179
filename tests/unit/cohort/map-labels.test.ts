/**
 * The cohort map's label placement: labels that would overlap are moved apart (to the nearest
 * free place above or below), a label with room stays on its line, and placement is the same
 * every time.
 */
import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelWant } from '../../../src/results/cohort-map-labels.ts';

const want = (x: number, y: number, idText = 'p-option-one'): LabelWant => ({
  x,
  y,
  idText,
  shareText: '100%',
});

function overlapping(wants: readonly LabelWant[], ys: readonly number[]): number {
  const boxes = wants.map((w, i) => labelBox(w.x, ys[i]!, w));
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++;
    }
  return n;
}

describe('placeLabels', () => {
  it('keeps labels with room where they are, without leaders', () => {
    const wants = [want(100, 50), want(400, 50), want(100, 200)];
    expect(placeLabels(wants)).toEqual(wants.map((w) => ({ x: w.x, y: w.y, moved: null })));
  });

  it('moves apart the labels of a step with many close options, each with a leader', () => {
    // Six options of one step, their lines 16 units apart (as parallel lines are drawn).
    const wants = Array.from({ length: 6 }, (_, i) =>
      want(300, 100 + i * 16, `a-step-option-${i}`),
    );
    expect(
      overlapping(
        wants,
        wants.map((w) => w.y),
      ),
    ).toBeGreaterThan(0);
    const places = placeLabels(wants);
    expect(
      overlapping(
        wants,
        places.map((p) => p.y),
      ),
    ).toBe(0);
    // The first stays on its line; the others moved, each with a leader from its line.
    expect(places[0]!.moved).toBeNull();
    for (const [i, p] of places.entries())
      if (p.y !== wants[i]!.y) expect(p.moved).toEqual({ x: wants[i]!.x, y: wants[i]!.y });
    // The same input always gives the same placement, whatever order it comes in.
    const reversed = placeLabels([...wants].reverse());
    expect(reversed.reverse()).toEqual(places);
  });

  it('moves a label no further than the nearest free place', () => {
    const wants = [want(300, 100), want(300, 104)];
    const [, second] = placeLabels(wants);
    const first = labelBox(300, 100, wants[0]!);
    const box = labelBox(300, second!.y, wants[1]!);
    // Just below the first label, or just above it: whichever is nearer (below, here).
    expect(box.top).toBeGreaterThanOrEqual(first.bottom);
    expect(box.top - first.bottom).toBeLessThan(4);
  });
});
