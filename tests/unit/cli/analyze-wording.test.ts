import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../../src/cli/commands/analyze.ts';
import { analyze, validate } from '../../../src/engine/index.ts';

const FILE = 'scenarios/hard-stop-blood-pressure.json';

async function printed(): Promise<string[]> {
  const out: string[] = [];
  const io = { out: (l: string) => out.push(...l.split('\n')), err: () => {} };
  expect(await analyzeCommand([FILE], io)).toBe(0);
  return out;
}

describe('analyze: how the figures read', { timeout: 30_000 }, () => {
  const a = analyze(validate(readFileSync(FILE, 'utf8')).scenario!);

  it('says a competency no path without a gated choice scores is not scored, not "min 0, max 0"', async () => {
    const out = await printed();
    const free = a.scoresWithoutGates!;
    expect(free.notScored.length).toBeGreaterThan(0);
    const section = out.slice(out.findIndex((l) => l.startsWith('Without a gated choice')));
    for (const id of free.notScored)
      expect(section).toContainEqual(
        expect.stringMatching(new RegExp(`^  ${id}\\s+not scored without a gated choice$`)),
      );
    for (const id of Object.keys(free.perCompetency).filter((c) => !free.notScored.includes(c)))
      expect(section).toContainEqual(
        expect.stringMatching(new RegExp(`^  ${id}\\s+min -?\\d+, max`)),
      );
  });

  it('explains why the overall maximum is not the sum of the competency maxima', async () => {
    const sum = Object.values(a.scores.perCompetency).reduce((n, r) => n + r.max, 0);
    expect(a.scores.overall.max).toBeLessThan(sum);
    expect((await printed()).join(' ')).toContain(
      "the path that reaches one competency's maximum need not reach another's",
    );
  });

  it('marks errors reached only through a gated choice, and says "variables never set"', async () => {
    const out = await printed();
    const behind = a.criticalErrors.filter((c) => c.gated && c.gates.length === 0);
    expect(behind.length).toBeGreaterThan(0);
    for (const c of behind)
      expect(out.find((l) => l.startsWith(`  ${c.id} `))).toMatch(
        /\[reached only through a gated choice\]$/,
      );
    expect(out).toContainEqual(expect.stringMatching(/^ {2}variables never set: +none$/));
  });
});
