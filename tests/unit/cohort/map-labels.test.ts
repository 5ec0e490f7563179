/**
 * The cohort map's labels (src/results/cohort-map-labels.ts): every option label is readable and
 * leaves every step readable — no label overlaps a step's box or another label, a label moved off
 * its line has a leader that crosses nothing — on the bundled scenarios' maps (the screening
 * scenario's map printed labels over its steps when the grid was the workspace's), on a column
 * crowded with options, and the layout leaves room for the labels; placement is the same every
 * time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/validate.ts';
import {
  WIDEST_SHARE,
  cohortGrid,
  labelBox,
  labelIdText,
  labelWidth,
  layoutCohortMap,
  placeLabels,
  SHARED,
  CENTRED,
  type Box,
  type CohortMapLayout,
  type LabelWant,
} from '../../../src/results/cohort-map-labels.ts';
import { GRID, NODE_H, NODE_W } from '../../../src/workspace/map-model.ts';
import { edgeRoute, type Point } from '../../../src/workspace/map-geometry.ts';

/** A label for a line that is a single point (its middle). */
const want = (x: number, y: number, idText = 'p-option-one'): LabelWant => ({
  line: [{ x, y }],
  idText,
  shareText: WIDEST_SHARE,
});

const hit = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function overlapping(wants: readonly LabelWant[], ys: readonly number[]): number {
  const boxes = wants.map((w, i) => labelBox(w.line[0]!.x, ys[i]!, w));
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (hit(boxes[i]!, boxes[j]!)) n++;
  return n;
}

/** Everything on a cohort map that makes a label or a step hard to read, in words. */
function clashes(layout: CohortMapLayout): string[] {
  const { map, labels } = layout;
  const steps = map.nodes.map((n) => ({
    name: `${n.kind} ${n.id}`,
    box: { left: n.x, right: n.x + NODE_W, top: n.y, bottom: n.y + NODE_H },
  }));
  const placed = labels.map((l, i) => ({
    name: `label ${map.edges[i]!.optionId}`,
    box: labelBox(l.x, l.y, { idText: l.idText, shareText: WIDEST_SHARE }),
    leader: l.moved,
    y: l.y,
  }));
  const out: string[] = [];
  placed.forEach((a, i) => {
    for (const s of steps) if (hit(a.box, s.box)) out.push(`${a.name} over ${s.name}`);
    for (const b of placed.slice(i + 1))
      if (hit(a.box, b.box)) out.push(`${a.name} over ${b.name}`);
    if (a.box.left < 0 || a.box.right > layout.width || a.box.top < 0)
      out.push(`${a.name} outside the picture`);
    if (a.box.bottom > layout.height) out.push(`${a.name} below the picture`);
    if (a.leader) {
      // The leader runs straight up or down from its line to the label's near edge.
      const { x, y } = a.leader;
      const end = a.y > y ? a.box.top : a.box.bottom;
      const top = Math.min(y, end);
      const bottom = Math.max(y, end);
      if (x <= a.box.left || x >= a.box.right) out.push(`${a.name}'s leader misses it`);
      for (const o of [...steps, ...placed.filter((p) => p !== a)])
        if (o.box.left < x && x < o.box.right && top < o.box.bottom && o.box.top < bottom)
          out.push(`${a.name}'s leader crosses ${o.name}`);
    }
  });
  return out;
}

/** An option's line as drawn, sampled about every unit (curves at 400 points). */
function drawnLine(layout: CohortMapLayout, i: number): Point[] {
  const nodes = new Map(layout.map.nodes.map((n) => [n.key, n]));
  const r = edgeRoute(layout.map.edges[i]!, nodes, layout.grid);
  if (r.kind === 'curve') {
    const { p0, c1, c2, p3 } = r;
    return Array.from({ length: 401 }, (_, k) => {
      const t = k / 400;
      const u = 1 - t;
      const at = (c: 'x' | 'y') =>
        u * u * u * p0[c] + 3 * u * u * t * c1[c] + 3 * u * t * t * c2[c] + t * t * t * p3[c];
      return { x: at('x'), y: at('y') };
    });
  }
  return r.points.flatMap((p, k) => {
    const q = r.points[k - 1];
    if (!q) return [p];
    const n = Math.max(1, Math.ceil(Math.hypot(p.x - q.x, p.y - q.y)));
    return Array.from({ length: n }, (_, j) => ({
      x: q.x + ((p.x - q.x) * (j + 1)) / n,
      y: q.y + ((p.y - q.y) * (j + 1)) / n,
    }));
  });
}

const distance = (p: Point, line: readonly Point[]) =>
  Math.min(...line.map((q) => Math.hypot(q.x - p.x, q.y - p.y)));

/**
 * Every label attached where it could be mistaken for another option's: its anchor (the point of
 * its line it covers, or its leader's start) not on its own line, or on (within SHARED of)
 * another option's line, or a label lying over another option's line without a leader.
 */
function misattached(layout: CohortMapLayout): string[] {
  const lines = layout.map.edges.map((_, i) => drawnLine(layout, i));
  const out: string[] = [];
  layout.labels.forEach((l, i) => {
    const name = `label ${layout.map.edges[i]!.from}/${layout.map.edges[i]!.optionId}`;
    // Rounded corners are drawn up to 2.5 units inside a route's corner.
    if (distance(l.anchor, lines[i]!) > 3) out.push(`${name} is not on its own line`);
    // A leader starts on its anchor; an unmoved label covers it.
    if (l.moved) expect(l.moved).toEqual(l.anchor);
    else {
      const box = labelBox(l.x, l.y, { idText: l.idText, shareText: WIDEST_SHARE });
      // A label moved less than 6 units keeps no leader.
      if (
        l.anchor.x < box.left - 6 ||
        l.anchor.x > box.right + 6 ||
        l.anchor.y < box.top - 6 ||
        l.anchor.y > box.bottom + 6
      )
        out.push(`${name} is neither over its anchor nor joined to it`);
    }
    lines.forEach((other, j) => {
      if (j === i) return;
      const other_name = layout.map.edges[j]!.optionId;
      if (distance(l.anchor, other) < SHARED - 0.5)
        out.push(`${name} sits on ${other_name}'s line`);
    });
  });
  return out;
}

/**
 * Labels without a leader whose own line is not under the middle of their text: such a label
 * reads as belonging to whichever line is nearest its middle.
 */
function offCentre(layout: CohortMapLayout): string[] {
  const out: string[] = [];
  layout.labels.forEach((l, i) => {
    if (l.moved) return;
    const box = labelBox(l.x, l.y, { idText: l.idText, shareText: WIDEST_SHARE });
    const centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
    const d = distance(centre, drawnLine(layout, i));
    const e = layout.map.edges[i]!;
    if (d > CENTRED + 0.5)
      out.push(`label ${e.from}/${e.optionId} is ${Math.round(d)} from its line`);
  });
  return out;
}

/** Labels of the same step that read the same on the map. */
function cutLabelsClash(layout: CohortMapLayout): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  layout.labels.forEach((l, i) => {
    const e = layout.map.edges[i]!;
    const key = `${e.from} ${l.idText}`;
    const before = seen.get(key);
    if (before !== undefined && before !== e.optionId)
      out.push(`${before} and ${e.optionId} both read ${l.idText}`);
    seen.set(key, e.optionId);
  });
  return out;
}

const bundled = (file: string) => {
  const result = validate(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!result.scenario) throw new Error(`scenarios/${file} is not valid`);
  return result.scenario;
};

describe('placeLabels', () => {
  it('keeps labels with room on their line, without leaders', () => {
    const wants = [want(100, 50), want(400, 50), want(100, 200)];
    const places = placeLabels(wants);
    // Each centred on its line's middle (the box's middle on the line), none moved.
    places.forEach((p, i) => {
      const box = labelBox(p.x, p.y, wants[i]!);
      expect(p.x).toBe(wants[i]!.line[0]!.x);
      expect((box.top + box.bottom) / 2).toBe(wants[i]!.line[0]!.y);
      expect(p.moved).toBeNull();
    });
  });

  it('moves apart the labels of a step with many close options, each with a leader', () => {
    // Six options of one step, their lines 16 units apart (as parallel lines are drawn).
    const wants = Array.from({ length: 6 }, (_, i) =>
      want(300, 100 + i * 16, `a-step-option-${i}`),
    );
    expect(
      overlapping(
        wants,
        wants.map((w) => w.line[0]!.y - 3),
      ),
    ).toBeGreaterThan(0);
    const places = placeLabels(wants);
    expect(
      overlapping(
        wants,
        places.map((p) => p.y),
      ),
    ).toBe(0);
    // The first stays on its line; the others that left theirs have a leader from it.
    expect(places[0]!.moved).toBeNull();
    for (const [i, p] of places.entries()) {
      const box = labelBox(p.x, p.y, wants[i]!);
      const on = wants[i]!.line[0]!;
      if (on.y < box.top - 6 || on.y > box.bottom + 6) expect(p.moved).toEqual(on);
    }
    // The same input always gives the same placement, whatever order it comes in.
    const reversed = placeLabels([...wants].reverse());
    expect(reversed.reverse()).toEqual(places);
  });

  it('moves a label no further than the nearest free place', () => {
    const wants = [want(300, 100), want(300, 104)];
    const [first, second] = placeLabels(wants);
    const a = labelBox(first!.x, first!.y, wants[0]!);
    const b = labelBox(second!.x, second!.y, wants[1]!);
    // Just below the first label, or just above it: whichever is nearer (below, here).
    expect(b.top).toBeGreaterThanOrEqual(a.bottom);
    expect(b.top - a.bottom).toBeLessThan(4);
  });

  it('never puts a label over a step’s box, and slides it along its line to a free place', () => {
    const step: Box = { left: 200, right: 376, top: 80, bottom: 134 };
    // A line running right from inside the box's edge: its middle is on the box.
    const line = Array.from({ length: 40 }, (_, k) => ({ x: 360 + k * 6, y: 107 }));
    const w: LabelWant = { line, idText: 'a-long-option-id', shareText: WIDEST_SHARE };
    const [p] = placeLabels([w], [step]);
    const box = labelBox(p!.x, p!.y, w);
    expect(hit(box, step)).toBe(false);
    // Still on its line (the line passes under it), so no leader.
    expect(p!.moved).toBeNull();
    expect(box.top < 107 && 107 < box.bottom).toBe(true);
  });

  it('moves a label whose whole line is taken off it, with a leader that crosses no box', () => {
    // A short line between two boxes with no room for a label beside it.
    const boxes: Box[] = [
      { left: 100, right: 276, top: 80, bottom: 134 },
      { left: 290, right: 466, top: 80, bottom: 134 },
    ];
    const w = want(283, 107);
    const [p] = placeLabels([w], boxes);
    const box = labelBox(p!.x, p!.y, w);
    for (const b of boxes) expect(hit(box, b)).toBe(false);
    expect(p!.moved).toEqual({ x: 283, y: 107 });
    // The leader (straight up or down at x 283) ends at the label and passes no box.
    const end = p!.y > 107 ? box.top : box.bottom;
    for (const b of boxes)
      expect(b.left < 283 && 283 < b.right && Math.min(107, end) < b.bottom).toBe(false);
  });
});

describe('the cohort map', () => {
  it('makes the gap between columns as wide as the widest label needs, never narrower than the workspace’s', () => {
    const long = cohortGrid(['a-rather-long-opti…', 'short']);
    const widest = labelWidth({ idText: 'a-rather-long-opti…', shareText: WIDEST_SHARE });
    expect(long.col - NODE_W).toBeGreaterThan(widest);
    expect(long.col - NODE_W).toBeLessThan(widest + 20);
    // The corridor between rows holds a label's two lines.
    const h = labelBox(0, 0, { idText: 'x', shareText: WIDEST_SHARE });
    expect(long.row - NODE_H).toBeGreaterThan(h.bottom - h.top);
    // Short ids do not need more than the workspace's grid across.
    expect(cohortGrid(['a', 'b']).col).toBe(GRID.col);
    expect(cohortGrid([]).col).toBe(GRID.col);
  });

  it('cuts a long id to its start and its last word, as many words as keep a step’s labels distinct', () => {
    // The options of step a-prescriber-full: cut at 18 characters, all read "a-prescriber-full…".
    const options = [
      'a-prescriber-full-withhold',
      'a-prescriber-full-give',
      'a-prescriber-full-bp-talk',
    ];
    const cut = options.map((o) => labelIdText(o, options));
    expect(cut).toEqual(['a-prescri…withhold', 'a-prescriber…give', 'a-prescriber…talk']);
    for (const c of cut) expect(c.length).toBeLessThanOrEqual(18);
    // Where the last words are the same, more of them are kept.
    const same = ['a-long-step-name-one-go', 'a-long-step-name-two-go'];
    const [one, two] = same.map((o) => labelIdText(o, same));
    expect(one).not.toBe(two);
    expect(one).toMatch(/^a-long.*…one-go$/);
    // Short ids are drawn whole.
    expect(labelIdText('p-screen-note', options)).toBe('p-screen-note');
  });

  it('screening scenario (its labels were printed over its steps): nothing overlaps', () => {
    const layout = layoutCohortMap(bundled('screening-defer-dosing.json'));
    expect(layout.labels).toHaveLength(layout.map.edges.length);
    expect(layout.labels.length).toBeGreaterThan(80);
    expect(clashes(layout)).toEqual([]);
    // Each label is on its own line where no other line runs (at step i-discharge the labels of
    // the options leading nowhere sat on the walkout option's line).
    expect(misattached(layout)).toEqual([]);
    expect(cutLabelsClash(layout)).toEqual([]);
    // Laid out wider than the workspace's map, for its labels.
    expect(layout.grid.col).toBeGreaterThan(GRID.col);
    // The same scenario always gets the same map.
    expect(layoutCohortMap(bundled('screening-defer-dosing.json'))).toEqual(layout);
  });

  const files = readdirSync('scenarios').filter(
    (f) => f.endsWith('.json') && !f.includes('schema') && !f.endsWith('.course.json'),
  );
  for (const file of files)
    it(`${file}: no label overlaps a step or another label, and no leader crosses one`, () => {
      expect(clashes(layoutCohortMap(bundled(file)))).toEqual([]);
    });
  for (const file of files)
    it(`${file}: each label is on its own line, away from the others, and its step's labels read differently`, () => {
      const layout = layoutCohortMap(bundled(file));
      expect(misattached(layout)).toEqual([]);
      expect(cutLabelsClash(layout)).toEqual([]);
    });
  for (const file of files)
    it(`${file}: a label without a leader has its own line through the middle of its text`, () => {
      expect(offCentre(layoutCohortMap(bundled(file)))).toEqual([]);
    });

  it('a column crowded with options (many steps of one column, each with many options) stays readable', () => {
    // Eight steps in one column (all reached from the start), each with six options: to the next
    // step down, back to the start, to each other step of the column, and out of the phase.
    const crowd = Array.from({ length: 8 }, (_, i) => `crowded-step-${i}`);
    const opt = (id: string, to: Record<string, unknown>) => ({ id, text: id, ...to });
    const doc = {
      phases: [
        {
          id: 'crowded',
          start: 'start',
          steps: [
            { id: 'start', text: 'start', options: crowd.map((c) => opt(`to-${c}`, { next: c })) },
            ...crowd.map((c, i) => ({
              id: c,
              text: c,
              options: [
                opt(`${c}-down`, { next: crowd[(i + 1) % crowd.length] }),
                opt(`${c}-again`, { next: 'start' }),
                opt(`${c}-skip`, { next: crowd[(i + 3) % crowd.length] }),
                opt(`${c}-self`, { next: c }),
                opt(`${c}-out`, { endsPhase: true }),
                opt(`${c}-stop`, { ending: 'stopped' }),
              ],
            })),
          ],
        },
      ],
    };
    const layout = layoutCohortMap(doc);
    expect(layout.labels).toHaveLength(8 + 8 * 6);
    // All eight steps share one column.
    expect(
      new Set(layout.map.nodes.filter((n) => n.id.startsWith('crowded')).map((n) => n.x)).size,
    ).toBe(1);
    expect(clashes(layout)).toEqual([]);
    // Placement is the same every time.
    expect(layoutCohortMap(doc)).toEqual(layout);
  });
});
