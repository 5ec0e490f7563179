/**
 * Helpers for the cohort browser tests: the figures the cohort view should show, worked out here
 * from the fixture files by replaying each distinct attempt with the engine (independently of the
 * cohort module), opening the cohort view with files, and an axe check.
 */
import { expect, type Page } from '@playwright/test';
import { expectNoViolations } from './axe.ts';

export { expectNoViolations };
import { verifyAttempt } from '../../src/engine/results/verify.ts';
import type { Report } from '../../src/engine/scoring/score.ts';
import {
  bundledScenario,
  cohortFiles,
  filePayload,
  type CohortFile,
} from '../fixtures/cohort/cohort-fixtures.ts';

/** Opens the cohort view and reads `files` (the fixture cohort by default) through its file picker. */
export async function openCohort(page: Page, files: CohortFile[] = cohortFiles()): Promise<void> {
  await page.goto('/#/cohort');
  await page.locator('[data-cohort-files]').setInputFiles(files.map(filePayload));
}

export interface Expected {
  read: number;
  unique: number;
  verified: { trainee: string; scenarioId: string; mode: string; report: Report }[];
  unverified: number;
}

/** Distinct attempts by their log; each replayed against its bundled scenario. */
export function expectedFrom(files: CohortFile[]): Expected {
  const seen = new Map<string, { trainee: string; entry: CohortFile['attempts'][number] }>();
  let read = 0;
  for (const f of files)
    for (const entry of f.attempts) {
      read++;
      const key = JSON.stringify(entry.attempt);
      if (!seen.has(key)) seen.set(key, { trainee: f.trainee, entry });
    }
  const verified: Expected['verified'] = [];
  let unverified = 0;
  for (const { trainee, entry } of seen.values()) {
    const v = verifyAttempt(bundledScenario(entry.attempt.scenarioId), entry.attempt);
    if (v.verified)
      verified.push({
        trainee,
        scenarioId: entry.attempt.scenarioId,
        mode: entry.attempt.mode,
        report: v.report,
      });
    else unverified++;
  }
  return { read, unique: seen.size, verified, unverified };
}

export const percentText = (n: number) => `${Math.round(n * 1000) / 10}%`;

/** The median as the screen writes it (one decimal). */
export function medianText(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return '—';
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return String(Math.round(median * 10) / 10);
}

/** Checks the per-scenario figures on the cohort screen against `expected`. */
export async function expectFigures(page: Page, expected: Expected) {
  const trainees = new Set(expected.verified.map((v) => v.trainee)).size;
  const dupes = expected.read - expected.unique;
  await expect(page.locator('[data-cohort-counts]')).toContainText(
    `${expected.verified.length} verified attempts from ${trainees} trainees (${expected.read} read, ${dupes} duplicate`,
  );
  // Attempts ended before the debrief are said apart: they have no result.
  const left = expected.verified.filter((v) => v.report.status !== 'debrief').length;
  if (left)
    await expect(page.locator('[data-cohort-counts]')).toContainText(
      `${left} of them ${left === 1 ? 'was' : 'were'} left before the debrief`,
    );
  await expect(page.locator('[data-cohort-unverified]')).toHaveAttribute(
    'data-cohort-unverified',
    String(expected.unverified),
  );
  const ids = [...new Set(expected.verified.map((v) => v.scenarioId))].sort();
  await expect(page.locator('[data-cohort-scenario]')).toHaveCount(ids.length);
  for (const id of ids) {
    const mine = expected.verified.filter((v) => v.scenarioId === id).map((v) => v.report);
    // Only an attempt that reached its debrief has a result: attempts, pass rate and competency
    // spreads are over those; the others are counted apart.
    const finished = mine.filter((r) => r.status === 'debrief');
    const section = page.locator(`[data-cohort-scenario="${id}"]`);
    const passed = finished.filter((r) => r.passed).length;
    await expect(section.locator('[data-figure="attempts"]')).toHaveText(String(finished.length));
    await expect(section.locator('[data-figure="left"]')).toHaveText(
      String(mine.length - finished.length),
    );
    await expect(section.locator('[data-figure="passed"]')).toHaveText(String(passed));
    await expect(section.locator('[data-figure="pass-rate"]')).toHaveText(
      finished.length ? percentText(passed / finished.length) : '—',
    );
    for (const c of Object.keys(mine[0]!.competencies)) {
      const values = finished
        .map((r) => r.competencies[c]?.percent)
        .filter((p) => typeof p === 'number');
      await expect(section.locator(`[data-competency="${c}"] [data-median]`)).toHaveText(
        medianText(values),
      );
    }
    // Standards breached: times per standard.
    const times = new Map<string, number>();
    for (const r of mine)
      for (const d of r.decisions)
        for (const s of d.standards?.breaches ?? []) times.set(s, (times.get(s) ?? 0) + 1);
    for (const [s, n] of times)
      await expect(
        section.locator(`[data-cohort-standards] tr[data-id="${s}"] td`).nth(2),
      ).toHaveText(String(n));
    // Each step's reach: attempts that met it (finished or not).
    const place = (d: Report['decisions'][number]) => d.stepId ?? d.eventId ?? d.checkId ?? '';
    const places = new Set(mine.flatMap((r) => r.decisions.map(place)));
    for (const p of places) {
      const reached = mine.filter((r) => r.decisions.some((d) => place(d) === p)).length;
      await expect(section.locator(`tr[data-step="${p}"] [data-reach]`)).toHaveText(
        `${reached} (${percentText(reached / mine.length)})`,
      );
    }
  }
}
