/** "Did you mean …?" suggestions by edit distance. */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * characters (optimal string alignment). Returns limit + 1 as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length]!;
}

/** How far a misspelling may be from the intended word. */
const allowance = (word: string) => (word.length <= 3 ? 1 : word.length <= 8 ? 2 : 3);

/**
 * The candidate closest to `word` (case-insensitive), if it is close enough to be a likely
 * misspelling. At most `maxCandidates` candidates are compared, to keep large files fast.
 */
export function closest(
  word: string,
  candidates: Iterable<string>,
  maxCandidates = 5000,
): string | undefined {
  const lower = word.toLowerCase();
  const limit = allowance(word);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let seen = 0;
  for (const candidate of candidates) {
    if (++seen > maxCandidates) break;
    if (candidate === word) continue;
    const dist = editDistance(
      lower,
      candidate.toLowerCase(),
      bestDistance - 1 < limit ? bestDistance - 1 : limit,
    );
    if (dist < bestDistance) {
      best = candidate;
      bestDistance = dist;
    }
  }
  return best;
}

/** A "did you mean" hint, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match === undefined ? undefined : `Did you mean "${match}"?`;
}
