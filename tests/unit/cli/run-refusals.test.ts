/** `run --choices` says which choices the engine refused and why, as the player does. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
    expect(io.outLines[at + 1]).toBe(`  [before dosing] admin-dose-give: ${REFUSAL}`);
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
      { optionId: 'admin-dose-give', minute: null, reason: REFUSAL },
    ]);
  });

  it('a run without refusals prints no such section', async () => {
    const io = capture();
    expect(await runCommand([TEMPLATE, '--strategy', 'best'], io)).toBe(0);
    expect(io.outLines.join('\n')).not.toContain('Refused choices');
  });
});
