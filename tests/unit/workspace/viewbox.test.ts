/** The map's view box: what the canvas shows, and zooming about its middle. */
import { describe, expect, it } from 'vitest';
import { shownView, zoomView, type ViewBox } from '../../../src/workspace/viewbox.ts';

const centre = (v: ViewBox) => ({ x: v.x + v.w / 2, y: v.y + v.h / 2 });

describe('shownView', () => {
  it('widens or heightens the view to the canvas’s proportions from the same corner', () => {
    const v = { x: -10, y: -10, w: 1000, h: 500 };
    // A tall canvas (a tablet held upright): the whole width, and more below.
    expect(shownView(v, 400, 400)).toEqual({ x: -10, y: -10, w: 1000, h: 1000 });
    // A wide canvas: the whole height, and more to the right.
    expect(shownView(v, 900, 300)).toEqual({ x: -10, y: -10, w: 1500, h: 500 });
    // Not laid out yet: unchanged.
    expect(shownView(v, 0, 0)).toEqual(v);
  });

  it('zooming what is shown keeps the middle of what is seen in the middle', () => {
    const fitted = { x: -10, y: -10, w: 1000, h: 500 };
    const shown = shownView(fitted, 768, 768);
    const zoomed = zoomView(shown, 1 / 1.25);
    expect(centre(zoomed)).toEqual(centre(shown));
    // Its proportions stay the canvas's, so what is computed is what is drawn.
    expect(zoomed.w / zoomed.h).toBeCloseTo(1);
    expect(shownView(zoomed, 768, 768)).toEqual(zoomed);
    // Zooming the fitted box instead would move the middle of what is seen.
    expect(centre(shownView(zoomView(fitted, 1 / 1.25), 768, 768))).not.toEqual(centre(shown));
  });
});
