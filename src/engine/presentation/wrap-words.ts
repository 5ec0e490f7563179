/**
 * Plain-text wrapping at spaces, for text written in a fixed width: the command line's paragraphs
 * and the names in a map's margin.
 */

/**
 * `text` broken into lines of at most `max` characters at spaces (a word longer than `max` has a
 * line of its own, uncut), in the order of its words. Whitespace runs count as one space.
 */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
