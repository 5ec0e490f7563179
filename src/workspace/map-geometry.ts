/**
 * Where a scenario map's option lines run and where their labels sit, in map units, from the
 * map model (map-model.ts): a line leaves its step's box on the right and curves into the next
 * step's box on the left; a line back to an earlier column loops below both boxes. Shared by
 * the pictures that draw a map.
 */
import { NODE_H, NODE_W, type MapEdge, type MapNode } from './map-model.ts';

/** The SVG path of an option's line; `nodes` are the map's nodes by key. */
export function edgePath(e: MapEdge, nodes: ReadonlyMap<string, MapNode>): string {
  const a = nodes.get(e.from)!;
  const sp = e.spread;
  const sx = a.x + NODE_W;
  const sy = a.y + NODE_H / 2 + sp * 0.4;
  if (e.to === null) return `M ${sx} ${sy} L ${sx + 46} ${sy + 18 + sp}`;
  const b = nodes.get(e.to);
  if (!b) return `M ${sx} ${sy} L ${sx + 46} ${sy + sp}`;
  const tx = b.x;
  const ty = b.y + NODE_H / 2 + sp * 0.4;
  if (e.back) {
    const lift = Math.max(a.y, b.y) + NODE_H + 14 + sp;
    return `M ${a.x + NODE_W / 2 + sp} ${a.y + NODE_H} C ${a.x + NODE_W / 2 + sp} ${lift + 30}, ${b.x + NODE_W / 2 + sp} ${lift + 30}, ${b.x + NODE_W / 2 + sp} ${b.y + NODE_H}`;
  }
  const mid = (sx + tx) / 2;
  return `M ${sx} ${sy} C ${mid} ${sy + sp * 1.6}, ${mid} ${ty + sp * 1.6}, ${tx - 4} ${ty}`;
}

/** Where an option's label sits: about the middle of its line. */
export function edgeLabelAt(
  e: MapEdge,
  nodes: ReadonlyMap<string, MapNode>,
): { x: number; y: number } {
  const a = nodes.get(e.from)!;
  const b = e.to ? nodes.get(e.to) : undefined;
  const sp = e.spread;
  if (!b) return { x: a.x + NODE_W + 30, y: a.y + NODE_H / 2 + 30 + sp };
  if (e.back)
    return { x: (a.x + b.x) / 2 + NODE_W / 2 + sp, y: Math.max(a.y, b.y) + NODE_H + 34 + sp };
  return { x: (a.x + NODE_W + b.x) / 2, y: (a.y + b.y) / 2 + NODE_H / 2 - 4 + sp * 1.6 };
}
