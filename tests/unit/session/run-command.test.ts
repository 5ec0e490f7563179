import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/commands/run.ts';
import { FIXTURE_FILE, shippedScenarioFiles } from './fixtures.ts';
import { IM_CAREFUL_TO_DOSE } from '../../fixtures/engine/im-careful-path.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('run <file> --strategy on every shipped scenario', () => {
  for (const file of [FIXTURE_FILE, ...shippedScenarioFiles()]) {
    const name = file.split('/').pop();
    it(`${name}: best passes, worst fails, both reach the debrief`, async () => {
      const best = await run(file, '--strategy', 'best', '--json');
      expect(best.code).toBe(0);
      const b = JSON.parse(best.out);
      expect(b).toMatchObject({ reachedDebrief: true, passed: true });
      expect(b.criticalErrors).toEqual([]);
      const worst = await run(file, '--strategy', 'worst', '--json');
      expect(worst.code).toBe(0);
      const w = JSON.parse(worst.out);
      expect(w.passed).toBe(false);
      expect(w.overall).toBeLessThan(b.overall);
    }, 30_000);
  }
});

describe('run output', () => {
  it('prints one JSON object with the report fields, byte-identical for the same file, choices and seed', async () => {
    const a = await run(FIXTURE_FILE, '--strategy', 'random', '--seed', '42', '--json');
    const b = await run(FIXTURE_FILE, '--strategy', 'random', '--seed', '42', '--json');
    expect(a.out).toBe(b.out);
    const report = JSON.parse(a.out);
    for (const key of ['passed', 'overall', 'competencies', 'criticalErrors', 'decisions'])
      expect(report).toHaveProperty(key);
    expect(report.competencies.safety).toEqual(
      expect.objectContaining({ earned: expect.any(Number), possible: expect.any(Number) }),
    );
    expect(Object.keys(report.competencies.safety)).toEqual(
      expect.arrayContaining(['earned', 'possible', 'percent']),
    );
  });

  it('plays a list of choices, waiting for the clock where needed', async () => {
    const choices = [
      'prep-consent',
      'prep-screening',
      'adm-check',
      'adm-give',
      'adm-music',
      'mon-presence',
      'ev-nausea-bowl',
      'ev-bp-recheck',
      'mon-hold',
      'gc-reflect',
      'gc-end',
      'int-transport',
      'int-go',
    ];
    const r = await run(FIXTURE_FILE, '--choices', choices.join(','), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.ending.id).toBe('ending-completed');
    expect(
      report.decisions
        .filter((d: { kind: string }) => d.kind !== 'check')
        .map((d: { optionId: string }) => d.optionId),
    ).toEqual(choices);
    const dir = mkdtempSync(join(tmpdir(), 'kap-run-'));
    writeFileSync(join(dir, 'choices.json'), JSON.stringify(choices));
    const fromFile = await run(FIXTURE_FILE, '--choices', join(dir, 'choices.json'), '--json');
    expect(fromFile.out).toBe(r.out);
  });

  it('exits 1 on an invalid choice and shows the step and the options available', async () => {
    const r = await run(FIXTURE_FILE, '--choices', 'prep-consent,not-an-option');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"not-an-option" is not offered/);
    expect(r.err).toMatch(/At step prep-screen/);
    expect(r.err).toMatch(/prep-screening: Complete the screening checklist\./);
    expect(r.err).toMatch(/prep-no-screening: Skip the checklist\./);
  });

  it('exits 1 when the choices end before the debrief', async () => {
    const r = await run(FIXTURE_FILE, '--choices', 'prep-consent');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ended before the debrief/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(FIXTURE_FILE, '--strategy', 'greedy')).code).toBe(2);
    expect((await run(FIXTURE_FILE, '--seed', 'x')).code).toBe(2);
    expect((await run(FIXTURE_FILE, '--bogus')).code).toBe(2);
    expect((await run(join(tmpdir(), 'does-not-exist.json'))).code).toBe(2);
  });

  it('prints a readable report by default', async () => {
    const r = await run(FIXTURE_FILE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Overall: 100% \(pass 70%\) — PASSED/);
    expect(r.out).toMatch(/Ending: Session completed \(completed\)/);
  });
});

describe('run with a choice list that leaves a step unanswered', () => {
  it('waits past the step’s deadline: the step is withdrawn, recorded with no option, and the list goes on', async () => {
    const file = new URL('../../../scenarios/im-hypertensive-response.json', import.meta.url)
      .pathname;
    const choices = [
      ...IM_CAREFUL_TO_DOSE,
      // No answer to the minute-4 line: the next choice is at the minute-15 step.
      'm2-check',
    ];
    const r = await run(file, '--choices', choices.join(','), '--json');
    const report = JSON.parse(r.out);
    const onset = report.decisions.find((d: { stepId?: string }) => d.stepId === 'mon-onset');
    expect(onset).toMatchObject({ optionId: null, minute: 15, points: {} });
    const check = report.decisions.find((d: { stepId?: string }) => d.stepId === 'mon-15');
    expect(check).toMatchObject({ optionId: 'm2-check', minute: 16 });
  });
});
