/**
 * Where the cohort map writes each option's label (its id and choice share, two lines): at the
 * middle of the option's line (map-geometry.ts), moved up or down to the nearest place where it
 * overlaps no label already placed, so that a step with many close options does not print its
 * labels over each other. Labels are placed in order of their line's position (top to bottom,
 * then left to right), so the same map always gets the same placement. A label moved off its
 * line gets a leader back to it (`moved`).
 */

/** The font sizes the labels are drawn at (px, map units): the id line and the share line. */
export const ID_FONT = 12;
export const SHARE_FONT = 13;
/** The share line's distance below the id line's baseline. */
export const LINE_GAP = 14;
/** Space kept between two labels. */
const MARGIN = 2;
/** A label moved less than this stays without a leader. */
const LEADER_FROM = 6;

/** A label to place: its anchor (the middle of its line) and the text it holds. */
export interface LabelWant {
  x: number;
  y: number;
  /** The id line as drawn (possibly cut short) and the share line. */
  idText: string;
  shareText: string;
}

/** A placed label: its id line's baseline is at `y`, centred on `x`. */
export interface LabelPlace {
  x: number;
  y: number;
  /** The anchor it was moved from, when it moved far enough to need a leader. */
  moved: { x: number; y: number } | null;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * A generous estimate of a label's box around its baseline `y` (a rendered width is not known
 * before drawing; an average glyph is about 0.6 em wide, bold about 0.65 em).
 */
export function labelBox(x: number, y: number, want: Pick<LabelWant, 'idText' | 'shareText'>): Box {
  const width =
    Math.max(want.idText.length * ID_FONT * 0.62, want.shareText.length * SHARE_FONT * 0.68) + 6;
  return {
    left: x - width / 2,
    right: x + width / 2,
    top: y - ID_FONT,
    bottom: y + LINE_GAP + 4,
  };
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right + MARGIN &&
  b.left < a.right + MARGIN &&
  a.top < b.bottom + MARGIN &&
  b.top < a.bottom + MARGIN;

/**
 * Places every label (same order as `wants`): each at its anchor if that is free, otherwise at the
 * free position nearest to it straight above or below (just clear of a label already placed).
 */
export function placeLabels(wants: readonly LabelWant[]): LabelPlace[] {
  const order = wants
    .map((_, i) => i)
    .sort((i, j) => wants[i]!.y - wants[j]!.y || wants[i]!.x - wants[j]!.x);
  const placed: Box[] = [];
  const out: LabelPlace[] = new Array(wants.length);
  for (const i of order) {
    const w = wants[i]!;
    const free = (y: number) => {
      const box = labelBox(w.x, y, w);
      return placed.every((p) => !overlaps(box, p));
    };
    let y = w.y;
    if (!free(y)) {
      // The candidates: just below or just above each placed label in the way horizontally.
      const mine = labelBox(w.x, w.y, w);
      const above = w.y - mine.top;
      const below = mine.bottom - w.y;
      const candidates = placed
        .filter((p) => mine.left < p.right + MARGIN && p.left < mine.right + MARGIN)
        .flatMap((p) => [p.bottom + MARGIN + above + 0.5, p.top - MARGIN - below - 0.5])
        .sort((a, b) => Math.abs(a - w.y) - Math.abs(b - w.y) || a - b);
      y = candidates.find(free) ?? Math.max(...placed.map((p) => p.bottom)) + MARGIN + above + 0.5;
    }
    placed.push(labelBox(w.x, y, w));
    out[i] = { x: w.x, y, moved: Math.abs(y - w.y) >= LEADER_FROM ? { x: w.x, y: w.y } : null };
  }
  return out;
}
