import { describe, expect, it } from 'vitest';
import {
  attemptId,
  decisionRows,
  exportCsv,
  exportJson,
  parseDecisionCsv,
  parseExport,
  type ExportedAttempt,
} from '../../../src/engine/results/export.ts';
import { restoreAttempt } from '../../../src/engine/attempt/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const files = shippedScenarioFiles();
const scenarioA = loadScenarioFile(files[0]!);
const scenarioB = loadScenarioFile(files[1]!);

function entry(
  scenario = scenarioA,
  seed = 1,
  strategy: 'best' | 'worst' | 'random' = 'random',
): ExportedAttempt {
  const run = playHeadless(scenario, { seed, mode: 'practice', strategy });
  return {
    attempt: run.attempt,
    report: run.report,
    comments: [],
    finishedAt: '2026-02-03T04:05:06.000Z',
    scenarioTitle: scenario.title,
    scenarioVersion: scenario.version,
  };
}

describe('JSON export', () => {
  const attempts = [entry(), entry(scenarioB, 2, 'worst')];
  attempts[0]!.comments.push({
    decisionIndex: 0,
    text: 'Good "opening", =SUM(A1)\nsecond line',
    author: 'Dr Supervisor',
    at: '2026-02-04T10:00:00.000Z',
  });

  it('round-trips through import, and the imported attempt replays to the same report', () => {
    const parsed = parseExport(exportJson(attempts));
    expect(parsed).toEqual({ ok: true, bundle: { exportVersion: 1, attempts } });
    if (!parsed.ok) return;
    const first = parsed.bundle.attempts[0]!;
    expect(restoreAttempt(scenarioA, first.attempt).report).toEqual(first.report);
  });

  it('reports bad JSON with its line and column', () => {
    const result = parseExport('{\n  "exportVersion": 1,\n  "attempts": [ }\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/not valid JSON \(line 3, column \d+\)/);
    // In words, not the parser's codes.
    if (!result.ok) expect(result.errors[0]).not.toMatch(/[A-Z][a-z]+Expected\b|Invalid[A-Z]/);
    const trailing = parseExport('{ "exportVersion": 1, }');
    expect(trailing).toEqual({
      ok: false,
      errors: [
        'The file is not valid JSON (line 1, column 23): a field name in double quotes was expected (is there a comma too many?).',
      ],
    });
    expect(parseExport('')).toMatchObject({ ok: false });
  });

  it('refuses files that are not exports, and unknown versions', () => {
    expect(parseExport('[]')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('top level')],
    });
    expect(parseExport('{"scenario": 1}')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('"exportVersion"')],
    });
    expect(parseExport('{"exportVersion": 2, "attempts": []}')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('version 1')],
    });
  });

  it('locates every damaged part', () => {
    const bundle = JSON.parse(exportJson(attempts));
    bundle.attempts[1].attempt.seed = 'x';
    bundle.attempts[1].attempt.events[2] = { type: 'trainee.fly' };
    bundle.attempts[0].report.passed = 'yes';
    bundle.attempts[0].comments[0].decisionIndex = 9999;
    const result = parseExport(JSON.stringify(bundle));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'attempts[1].attempt.seed: must be a whole number',
        'attempts[1].attempt.events[2].type: unknown event type "trainee.fly"',
        'attempts[0].report.passed: must be true or false',
        'attempts[0].comments[0].decisionIndex: the attempt has no decision 9999',
      ]),
    );
  });

  it('gives a finished attempt a stable id that depends on its log', () => {
    const a = entry(scenarioA, 5);
    expect(attemptId(a.attempt)).toBe(attemptId(structuredClone(a.attempt)));
    expect(attemptId(a.attempt)).not.toBe(attemptId(entry(scenarioA, 6).attempt));
  });
});

describe('CSV export', () => {
  const attempts = [entry(scenarioA, 7, 'best'), entry(scenarioB, 8, 'worst')];
  attempts[1]!.comments.push({
    decisionIndex: 1,
    text: '-Missed the cue, "again"',
    author: '',
    at: '2026-02-04T10:00:00.000Z',
  });

  it('has one row per decision with every column the instructor needs', () => {
    const csv = exportCsv(attempts);
    const header = csv.split('\r\n')[0]!.split(',');
    expect(header.slice(0, 13)).toEqual([
      'scenario',
      'scenario_version',
      'attempt',
      'mode',
      'finished_at',
      'decision',
      'phase',
      'kind',
      'step',
      'option_chosen',
      'option_chosen_text',
      'best_option',
      'best_option_text',
    ]);
    expect(header.slice(-4)).toEqual(['critical', 'simulated_minute', 'comments', 'verified']);
    for (const c of [
      ...Object.keys(attempts[0]!.report.competencies),
      ...Object.keys(attempts[1]!.report.competencies),
    ]) {
      expect(header).toContain(`points_${c}`);
    }
    const total = attempts.reduce((n, a) => n + a.report.decisions.length, 0);
    const parsed = parseDecisionCsv(csv);
    expect(parsed.ok && parsed.rows.length).toBe(total);
  });

  it('round-trips through import: every cell reads back as exported', () => {
    const parsed = parseDecisionCsv(exportCsv(attempts));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const expected = decisionRows(attempts);
    expect(parsed.rows).toHaveLength(expected.length);
    parsed.rows.forEach((row, i) => {
      const want = expected[i]!;
      expect({ ...row, points: {} }).toEqual({ ...want, points: {} });
      for (const [c, p] of Object.entries(row.points)) expect(p).toBe(want.points[c] ?? 0);
    });
    expect(parsed.rows.some((r) => r.comments === '-Missed the cue, "again"')).toBe(true);
    expect(parsed.rows.some((r) => r.critical)).toBe(true);
  });

  it('reports a damaged CSV by line', () => {
    const csv = exportCsv(attempts).split('\r\n');
    csv[2] = 'a,b';
    const result = parseDecisionCsv(csv.join('\r\n'));
    expect(result).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^CSV line 3: 2 cells/)],
    });
    expect(parseDecisionCsv('scenario,attempt\r\n')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('missing column')],
    });
  });
});
