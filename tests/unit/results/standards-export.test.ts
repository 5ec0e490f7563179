/**
 * "Which standards did this cohort breach?": the decision CSV, the JSON export and the xAPI
 * statements carry the standard ids of each decision, as cited by the scenario.
 */
import { describe, expect, it } from 'vitest';
import {
  decisionRows,
  exportCsv,
  exportJson,
  parseDecisionCsv,
  parseExport,
  type ExportedAttempt,
} from '../../../src/engine/results/export.ts';
import { parseCsv, toCsv } from '../../../src/engine/results/csv.ts';
import { buildStatements, extensionIris } from '../../../src/engine/results/xapi.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const file = shippedScenarioFiles().find((f) => f.endsWith('trd-sublingual-first-session.json'))!;
const scenario = loadScenarioFile(file);
const run = playHeadless(scenario, { seed: 5, mode: 'assessment', strategy: 'worst' });
const attempt: ExportedAttempt = {
  attempt: run.attempt,
  report: run.report,
  comments: [],
  finishedAt: '2026-03-01T09:30:00.000Z',
  scenarioTitle: scenario.title,
  scenarioVersion: scenario.version,
};
/** What the scenario cites for each option the worst play chose. */
const cited = run.report.decisions.flatMap((d) => {
  const option = scenario.phases
    .flatMap((p) => p.steps.flatMap((s) => s.options))
    .concat(scenario.events.flatMap((e) => e.respond?.options ?? []))
    .find((o) => o.id === d.optionId);
  return option?.standards ? [{ index: d.index, ...option.standards }] : [];
});

describe('standards in exports', () => {
  it('the worst play breaches standards the scenario cites', () => {
    expect(cited.some((c) => (c.breaches ?? []).length > 0)).toBe(true);
  });

  it('CSV rows list the met and breached ids, and read back the same', () => {
    const rows = decisionRows([attempt]);
    for (const c of cited) {
      expect(rows[c.index]!.standardsMet).toEqual(c.meets ?? []);
      expect(rows[c.index]!.standardsBreached).toEqual(c.breaches ?? []);
    }
    const csv = exportCsv([attempt]);
    expect(csv.split('\r\n')[0]).toContain('standards_met,standards_breached');
    const parsed = parseDecisionCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => r.standardsBreached)).toEqual(
      rows.map((r) => r.standardsBreached),
    );
  });

  it('a CSV without the standards columns still imports', () => {
    const [header, ...rows] = parseCsv(exportCsv([attempt]));
    const drop = [header!.indexOf('standards_met'), header!.indexOf('standards_breached')];
    const keep = (row: string[]) => row.filter((_, i) => !drop.includes(i));
    const stripped = [toCsv(keep(header!), rows.map(keep))];
    const parsed = parseDecisionCsv(stripped.join(''));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.rows.every((r) => r.standardsBreached.length === 0)).toBe(true);
  });

  it("the JSON export keeps each decision's standards", () => {
    const parsed = parseExport(exportJson([attempt]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const decisions = parsed.bundle.attempts[0]!.report.decisions;
    for (const c of cited)
      expect(decisions[c.index]!.standards?.breaches).toEqual(c.breaches ?? []);
  });

  it('answered xAPI statements carry the met and breached ids', () => {
    const base = 'https://training.example.org/kap/';
    const ext = extensionIris(base);
    const statements = buildStatements(scenario, run.attempt, run.report, {
      actor: { name: 'Trainee', mbox: 'mailto:trainee@example.org' },
      activityBase: base,
      finishedAt: '2026-03-01T09:30:00.000Z',
    });
    const answered = statements.filter((s) => s.verb.display['en-US'] === 'answered');
    for (const c of cited) {
      const extensions = answered[c.index]!.result!.extensions!;
      expect(extensions[ext.standardsBreached]).toEqual(c.breaches ?? []);
      expect(extensions[ext.standardsMet]).toEqual(c.meets ?? []);
    }
  });
});
