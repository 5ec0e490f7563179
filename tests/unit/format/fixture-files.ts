/** Reads validator fixtures the way the CLI reads files: bytes, then UTF-8 text, then validate. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeBytes, validate, type Diagnostic } from '../../../src/engine/format/index.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/format/', import.meta.url));
/** The audio files the fixtures may reference. */
export const FIXTURE_AUDIO = readdirSync(`${FIXTURES}audio`);

export function scenarioFiles(folder: 'valid' | 'invalid'): string[] {
  return readdirSync(`${FIXTURES}${folder}`)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort();
}

export function diagnosticsOf(bytes: Uint8Array): Diagnostic[] {
  const decoded = decodeBytes(bytes);
  if ('finding' in decoded) return [{ ...decoded.finding, line: 1, column: 1 }];
  return validate(decoded.text, { knownAudioFiles: FIXTURE_AUDIO }).diagnostics;
}

export const readFixture = (folder: string, file: string) =>
  readFileSync(`${FIXTURES}${folder}/${file}`);

export function expectedOf(folder: string, file: string): unknown[] | undefined {
  try {
    return JSON.parse(
      readFileSync(`${FIXTURES}${folder}/${file.replace(/\.json$/, '.expected.json')}`, 'utf8'),
    ) as unknown[];
  } catch {
    return undefined;
  }
}

export const minimalText = () => readFixture('valid', 'minimal-session.json').toString('utf8');
