/** The reflection travels with its attempt in exports, and unverified reasons read alike. */
import { describe, expect, it } from 'vitest';
import { exportJson, parseExport, unverifiedReason } from '../../../src/engine/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);
const run = playHeadless(scenario, { seed: 5, mode: 'practice', strategy: 'best' });

describe('a reflection in the JSON export', () => {
  it('is exported and imported with its attempt', () => {
    const reflection = {
      text: 'Check the airway first.',
      skipped: false,
      savedAt: '2026-03-01T09:31:00.000Z',
    };
    const parsed = parseExport(
      exportJson([{ attempt: run.attempt, report: run.report, comments: [], reflection }]),
    );
    expect(parsed.ok && parsed.bundle.attempts[0]!.reflection).toEqual(reflection);
  });

  it('is refused, with where, when malformed', () => {
    const text = exportJson([{ attempt: run.attempt, report: run.report, comments: [] }]).replace(
      '"comments": []',
      '"comments": [], "reflection": { "text": 5, "skipped": false, "savedAt": "2026-03-01T09:31:00.000Z" }',
    );
    expect(parseExport(text)).toEqual({
      ok: false,
      errors: ['attempts[0].reflection.text: must be a string'],
    });
  });
});

describe('unverifiedReason', () => {
  it('writes every cause in one form', () => {
    expect(unverifiedReason('The scenario has changed.')).toBe(
      'Unverified — the scenario has changed.',
    );
    expect(unverifiedReason('the scenario is missing.')).toBe(
      'Unverified — the scenario is missing.',
    );
    expect(unverifiedReason('LRS said no.')).toBe('Unverified — LRS said no.');
  });
});
