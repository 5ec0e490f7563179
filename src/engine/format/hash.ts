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

/**
 * FNV-1a (32-bit prime 0x01000193) in two lanes that differ only in their offset basis, fed the
 * canonical JSON of a value piece by piece: the same fingerprint as hashing canonicalJson's text,
 * without building that text (a checkpoint's digest walks a whole event log on every restore).
 * The lanes are int32 (`Math.imul` and `^` read int32 anyway), so the loop stays in small integers.
 */
let laneA = 0;
let laneB = 0;

function feed(text: string): void {
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  laneA = a;
  laneB = b;
}

function feedChar(c: number): void {
  laneA = Math.imul(laneA ^ c, 0x01000193);
  laneB = Math.imul(laneB ^ c, 0x01000193);
}

/**
 * Feeds a string as JSON.stringify writes it: quoted, and when it holds a character JSON escapes
 * (a quote, a backslash, a control character, a surrogate) the lanes are put back and the escaped
 * text is fed instead.
 */
function feedString(text: string): void {
  const a0 = laneA;
  const b0 = laneB;
  let a = Math.imul(a0 ^ 0x22, 0x01000193);
  let b = Math.imul(b0 ^ 0x22, 0x01000193);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      laneA = a0;
      laneB = b0;
      feed(JSON.stringify(text));
      return;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  laneA = Math.imul(a ^ 0x22, 0x01000193);
  laneB = Math.imul(b ^ 0x22, 0x01000193);
}

const quotedKeys = new Map<string, string>();

/** Sorts a record's keys as `Array.prototype.sort` does (by UTF-16 code units), small ones in place. */
function sortKeys(keys: string[]): void {
  if (keys.length > 8) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
}

/** Feeds exactly the characters canonicalJson(value) would return. */
function feedCanonical(value: unknown): void {
  if (typeof value === 'string') {
    feedString(value);
    return;
  }
  if (value === null || typeof value !== 'object') {
    feed(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    feedChar(0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i > 0) feedChar(0x2c); // ,
      const v: unknown = value[i];
      if (v === undefined) feed('null');
      else feedCanonical(v);
    }
    feedChar(0x5d); // ]
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  sortKeys(keys);
  feedChar(0x7b); // {
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) feedChar(0x2c);
    let quoted = quotedKeys.get(k);
    if (quoted === undefined) {
      quoted = `${JSON.stringify(k)}:`;
      if (quotedKeys.size < 4096) quotedKeys.set(k, quoted);
    }
    feed(quoted);
    feedCanonical(v);
    first = false;
  }
  feedChar(0x7d); // }
}

/** The 16-hex-digit FNV-1a fingerprint of canonicalJson(value), computed without the text. */
export function fingerprint(value: unknown): string {
  laneA = 0x811c9dc5 | 0;
  laneB = 0x050c5d1f | 0;
  feedCanonical(value);
  return (laneA >>> 0).toString(16).padStart(8, '0') + (laneB >>> 0).toString(16).padStart(8, '0');
}

const cache = new WeakMap<object, string>();

/** A 16-hex-digit fingerprint of the scenario's content (cached per scenario object). */
export function hashScenario(scenario: object): string {
  const known = cache.get(scenario);
  if (known) return known;
  const hash = fingerprint(scenario);
  cache.set(scenario, hash);
  return hash;
}
