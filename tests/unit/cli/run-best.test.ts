/**
 * `run` names the best option after a weaker choice from the engine's one rule: a critical option
 * is never called "best", even when every option at the step scores 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/commands/run.ts';

const TEMPLATE = fileURLToPath(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'kap-run-best-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Option {
  id: string;
  text: string;
  points?: Record<string, number>;
}

/** The template, its screening options both worth 0 points and the critical one written first. */
function zeroPointCopy(): { path: string; good: Option; critical: Option } {
  const doc = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as {
    id: string;
    phases: { steps: { id: string; options: Option[] }[] }[];
  };
  doc.id = 'zero-points';
  const step = doc.phases[0]!.steps.find((s) => s.id === 'prep-screening')!;
  const [good, critical] = step.options as [Option, Option];
  good.points = { safety: 0 };
  critical.points = { safety: 0 };
  step.options = [critical, good];
  const path = join(dir, 'zero-points.json');
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return { path, good, critical };
}

it('after a 0-point critical choice, names the other 0-point option as best', async () => {
  const { path, good, critical } = zeroPointCopy();
  const out: string[] = [];
  const io = { out: (l: string) => out.push(...l.split('\n')), err: () => {} };
  const code = await runCommand(
    [path, '--choices', `prep-consent-best,${critical.id}`, '--strategy', 'best'],
    io,
  );
  expect(code).toBe(0);
  const at = out.findIndex((l) => l.includes(`step prep-screening: ${critical.text}`));
  expect(at).toBeGreaterThan(0);
  expect(out[at + 1]).toBe(`       best: ${good.text} (safety 0)`);
  expect(out.filter((l) => l.includes(`best: ${critical.text}`))).toEqual([]);
  expect(out.some((l) => /^ {7}CRITICAL: /.test(l))).toBe(true);
});
