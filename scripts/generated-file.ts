/**
 * Writes a file generated from the sources, or with --check writes nothing and exits 1 when the
 * file on disk differs from what would be written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** `file` is relative to the repository root; `command` is the npm script that regenerates it. */
export async function writeOrCheck(file: string, expected: string, command: string): Promise<void> {
  const target = fileURLToPath(new URL(`../${file}`, import.meta.url));
  if (process.argv.includes('--check')) {
    const actual = await readFile(target, 'utf8').catch(() => '');
    if (actual !== expected) {
      console.error(`${file} is out of date: run \`${command}\`.`);
      process.exit(1);
    }
    console.log(`${file} is up to date.`);
  } else {
    await writeFile(target, expected);
    console.log(`Wrote ${file}.`);
  }
}
