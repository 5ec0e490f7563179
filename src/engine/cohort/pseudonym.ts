/**
 * Pseudonyms for teaching in front of a class: each name gets "Trainee " and a code derived from
 * the name and a seed (FNV-1a, 32 bits), so the same name always gets the same pseudonym for the
 * same seed, and another seed gives other codes. No randomness is used.
 */

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O, which read as 1 and 0

function code(hash: number): string {
  const a = LETTERS[hash % LETTERS.length]!;
  const b = LETTERS[Math.floor(hash / LETTERS.length) % LETTERS.length]!;
  const n = Math.floor(hash / (LETTERS.length * LETTERS.length)) % 100;
  return `${a}${b}-${String(n).padStart(2, '0')}`;
}

/**
 * A pseudonym for each distinct name: `Trainee XY-07`. Distinct names never share one (a
 * collision takes the next code from a rehash). Returns a map name → pseudonym.
 */
export function pseudonymise(names: Iterable<string>, seed: number): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of [...new Set(names)].sort()) {
    let salt = 0;
    let p = '';
    do p = `Trainee ${code(fnv1a(`${salt++}:${name}`, seed))}`;
    while (used.has(p));
    used.add(p);
    out.set(name, p);
  }
  return out;
}
