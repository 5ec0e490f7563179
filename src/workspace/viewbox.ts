/** Pan and zoom of the map as pure changes to an SVG viewBox. */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MIN_W = 150;
const MAX_W = 20000;

/** The whole map, with a margin. */
export function fitView(width: number, height: number): ViewBox {
  return { x: -10, y: -10, w: width + 20, h: height + 20 };
}

export function panView(v: ViewBox, dx: number, dy: number): ViewBox {
  return { ...v, x: v.x + dx, y: v.y + dy };
}

/** Scales the view by `factor` (< 1 zooms in) around a point (the centre by default). */
export function zoomView(v: ViewBox, factor: number, at?: { x: number; y: number }): ViewBox {
  const w = Math.min(MAX_W, Math.max(MIN_W, v.w * factor));
  const f = w / v.w;
  const h = v.h * f;
  const cx = at?.x ?? v.x + v.w / 2;
  const cy = at?.y ?? v.y + v.h / 2;
  return { x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f, w, h };
}

/**
 * The part of the map an element `width` × `height` CSS pixels shows for view `v`, drawn with
 * preserveAspectRatio "xMinYMin meet": `v` widened (or made taller) to the element's proportions,
 * from the same top-left corner. Zooming and panning this box keep what is shown and what is
 * computed the same, so zooming about its centre zooms about the middle of what is seen. A
 * zero-sized element (not laid out yet) leaves `v` as it is.
 */
export function shownView(v: ViewBox, width: number, height: number): ViewBox {
  if (!(width > 0 && height > 0)) return v;
  const aspect = width / height;
  return v.w / v.h > aspect ? { ...v, h: v.w / aspect } : { ...v, w: v.h * aspect };
}
