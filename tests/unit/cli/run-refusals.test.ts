/** `run --choices` says which choices the engine refused and why, as the player does. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/commands/run.ts';
import type { Io } from '../../../src/cli/io.ts';

const TEMPLATE = fileURLToPath(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
);
const REFUSAL = 'Cannot give the dose: blood pressure has not been checked before dosing.';

function capture(): Io & { out: (l: string) => void; outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (l: string) => outLines.push(...l.split('\n')),
    err: (l: string) => errLines.push(...l.split('\n')),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'kap-run-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the template, its id set to its file name, after [from, to] edits. */
function templateCopy(name: string, edits: [string, string][] = []): string {
  let text = readFileSync(TEMPLATE, 'utf8').replace('"id": "minimal"', `"id": "${name}"`);
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const path = join(dir, `${name}.json`);
  writeFileSync(path, text);
  return path;
}

const TO_TRANSPORT = [
  'prep-consent-best',
  'prep-screening-best',
  'admin-vitals-check',
  'admin-dose-give',
  'mon-peak-check',
  'conv-emerging-reflect',
];

interface JsonReport {
  refusedChoices: { optionId: string; minute: number | null; clock: number; reason: string }[];
  decisions: { optionId: string | null; minute: number | null }[];
  ending: { id: string } | null;
}

const SKIP_THEN_DOSE = 'prep-consent-best,prep-screening-best,admin-vitals-skip,admin-dose-give';

describe('run --choices and refused choices', () => {
  it('lists a refused choice with its reason and goes on with the next one', async () => {
    const io = capture();
    const code = await runCommand(
      [TEMPLATE, '--choices', `${SKIP_THEN_DOSE},admin-dose-defer`],
      io,
    );
    expect(code).toBe(0);
    const at = io.outLines.indexOf('Refused choices (each changed nothing):');
    expect(at).toBeGreaterThan(0);
    expect(io.outLines[at + 1]).toBe(
      `  [arrival minute 0, before dosing] admin-dose-give: ${REFUSAL}`,
    );
    expect(io.outLines.some((l) => l.startsWith('Ending: Dose deferred'))).toBe(true);
  });

  it('when the list ends, marks each offered option that would be refused', async () => {
    const io = capture();
    expect(await runCommand([TEMPLATE, '--choices', SKIP_THEN_DOSE], io)).toBe(1);
    expect(io.errLines).toContain('Options offered:');
    expect(io.errLines).toContain(
      `  admin-dose-give: Give the dose as prescribed. — refused now: ${REFUSAL}`,
    );
    expect(io.errLines).toContain("  admin-dose-defer: Defer today's dose.");
  });

  it('puts the refusals in the JSON report', async () => {
    const io = capture();
    await runCommand([TEMPLATE, '--choices', `${SKIP_THEN_DOSE},admin-dose-defer`, '--json'], io);
    const report = JSON.parse(io.outLines.join('\n')) as { refusedChoices: unknown[] };
    expect(report.refusedChoices).toEqual([
      { optionId: 'admin-dose-give', minute: null, clock: 0, reason: REFUSAL },
    ]);
  });

  it('a run without refusals prints no such section', async () => {
    const io = capture();
    expect(await runCommand([TEMPLATE, '--strategy', 'best'], io)).toBe(0);
    expect(io.outLines.join('\n')).not.toContain('Refused choices');
  });

  it('records a discharge refused for want of an escort at once: waiting cannot lift it', async () => {
    const io = capture();
    const choices = [
      ...TO_TRANSPORT,
      'int-transport-drive',
      'int-discharge-go',
      'int-discharge-leave',
    ];
    const code = await runCommand(
      [templateCopy('no-escort'), '--choices', choices.join(','), '--json'],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(io.outLines.join('\n')) as JsonReport;
    expect(report.refusedChoices).toHaveLength(1);
    expect(report.refusedChoices[0]).toMatchObject({ optionId: 'int-discharge-go', minute: 120 });
    expect(report.refusedChoices[0]!.reason).toContain('no escort or transport has been arranged');
    const leave = report.decisions.find((d) => d.optionId === 'int-discharge-leave');
    expect(leave?.minute).toBe(120);
    expect(report.ending?.id).toBe('left-early');
  });

  it('waits for a discharge that only the observation time still refuses', async () => {
    // The discharge step moved to minute 110, before the two hours of observation are over.
    const early = templateCopy('early-discharge', [['"atMinute": 120', '"atMinute": 110']]);
    const io = capture();
    const choices = [...TO_TRANSPORT, 'int-transport-escort', 'int-discharge-go'];
    expect(await runCommand([early, '--choices', choices.join(','), '--json'], io)).toBe(0);
    const report = JSON.parse(io.outLines.join('\n')) as JsonReport;
    expect(report.refusedChoices).toEqual([]);
    const go = report.decisions.find((d) => d.optionId === 'int-discharge-go');
    expect(go?.minute).toBe(120);
    expect(report.ending?.id).toBe('discharged');
  });

  it('the template fails under worst with a critical error, listed under its heading', async () => {
    const io = capture();
    expect(await runCommand([templateCopy('worst'), '--strategy', 'worst'], io)).toBe(0);
    const at = io.outLines.indexOf('Critical errors:');
    expect(at).toBeGreaterThan(0);
    expect(io.outLines[at + 1]).toMatch(/^ {2}prep-screening-weaker: /);
    expect(io.outLines.at(-1)).toMatch(/FAILED$/);
    const best = capture();
    expect(await runCommand([templateCopy('best'), '--strategy', 'best'], best)).toBe(0);
    expect(best.outLines).toContain('Critical errors: none');
    expect(best.outLines.at(-1)).toMatch(/PASSED$/);
  });
});
