import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const audioDir = fileURLToPath(new URL('../../../public/audio/', import.meta.url));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.endsWith('.course.json'))
  .sort();
const knownAudioFiles = existsSync(audioDir) ? readdirSync(audioDir) : [];

describe.runIf(files.length > 0)('shipped scenarios', () => {
  it.each(files)('%s validates with no errors', (file) => {
    const { diagnostics } = validate(readFileSync(dir + file, 'utf8'), { knownAudioFiles });
    const errors = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(errors).toEqual([]);
  });
});
