/**
 * hashScenario: a deterministic fingerprint of a scenario's content (FNV-1a, 64 bits as two
 * 32-bit lanes, over JSON with sorted keys). A save records it so that a changed scenario is detected.
 */

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const cache = new WeakMap<object, string>();

/** A 16-hex-digit fingerprint of the scenario's content. */
export function hashScenario(scenario: object): string {
  const known = cache.get(scenario);
  if (known) return known;
  const text = canonicalJson(scenario);
  const hash =
    fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') +
    fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
  cache.set(scenario, hash);
  return hash;
}
