/**
 * hashScenario: a deterministic fingerprint of a scenario's content (FNV-1a, 64 bits as two
 * 32-bit lanes, over JSON with sorted keys). A save records it so that a changed scenario is detected.
 */

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const v: unknown = value[i];
      out += v === undefined ? 'null' : canonicalJson(v);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
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
