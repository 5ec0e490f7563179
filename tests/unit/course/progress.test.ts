/**
 * A course in progress as the player keeps it: the visits' attempts in order. Where the course
 * stands, what carries into the next visit and each visit's result are replayed from them; a
 * damaged save is refused with a message, never thrown.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playCourse, validateCourse } from '../../../src/engine/course/index.ts';
import {
  newCourseProgress,
  parseCourseProgress,
  serializeCourseProgress,
  withVisitAttempt,
} from '../../../src/engine/course/progress.ts';
import { serializeAttempt } from '../../../src/engine/attempt/index.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const dir = fileURLToPath(new URL('../../fixtures/engine/visit/course/', import.meta.url));
const course = validateCourse(readFileSync(`${dir}course.json`, 'utf8')).course!;
const scenarios = course.visits.map((v) => loadScenarioFile(dir + v.scenario));
const played = playCourse(course, scenarios, { seed: 7, mode: 'practice', strategy: 'best' });
const texts = played.visits.map((v) => serializeAttempt(v.run.attempt));

function saved(visits: string[]): string {
  let progress = newCourseProgress(course, 'practice');
  visits.forEach((t, i) => (progress = withVisitAttempt(progress, i, t)));
  return serializeCourseProgress(progress);
}

describe('course progress', () => {
  it('a new course starts at its first visit with nothing carried', () => {
    const r = parseCourseProgress(saved([]), course, scenarios);
    expect(r.ok && r.state).toMatchObject({ current: 0, carriedNext: null, complete: false });
  });

  it('after the first visit, the next visit is the second, with what the first carries', () => {
    const r = parseCourseProgress(saved(texts.slice(0, 1)), course, scenarios);
    if (!r.ok) throw new Error(r.message);
    expect(r.state.current).toBe(1);
    expect(r.state.carriedNext).toEqual(played.visits[1]!.carriedIn);
    expect(r.state.carriedNext?.vars).toMatchObject({ touchConsent: true, touchHandOnly: true });
    expect(r.state.summary.visits).toHaveLength(1);
  });

  it('a visit in progress is the current one, resumed from its own attempt', () => {
    const partial = JSON.parse(texts[1]!) as { events: unknown[] };
    partial.events = partial.events.slice(0, 3);
    const r = parseCourseProgress(saved([texts[0]!, JSON.stringify(partial)]), course, scenarios);
    if (!r.ok) throw new Error(r.message);
    expect(r.state.current).toBe(1);
    expect(r.state.visits[1]!.finished).toBe(false);
    expect(r.state.visits[1]!.attempt.carried).toEqual(played.visits[1]!.carriedIn);
  });

  it('every visit played gives the same summary as the headless course', () => {
    const r = parseCourseProgress(saved(texts), course, scenarios);
    if (!r.ok) throw new Error(r.message);
    expect(r.state.complete).toBe(true);
    expect(r.state.current).toBe(3);
    expect(r.state.summary).toEqual(played.summary);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another course', saved([]).replace(course.id, 'other-course'), /another course/],
    ['an unknown version', saved([]).replace('"saveVersion":1', '"saveVersion":9'), /version/],
    ['a damaged visit attempt', saved([texts[0]!.slice(0, 40)]), /Visit 1/],
  ])('refuses %s with a message', (_, text, message) => {
    const r = parseCourseProgress(text, course, scenarios);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('refuses a visit that does not start from what the earlier visits carried', () => {
    const tampered = JSON.parse(texts[1]!) as { carried: { vars: Record<string, boolean> } };
    tampered.carried.vars.touchHandOnly = false;
    const r = parseCourseProgress(saved([texts[0]!, JSON.stringify(tampered)]), course, scenarios);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not start from what the earlier visits carried/);
  });

  it('refuses a visit started before the one before it ended', () => {
    const unfinished = JSON.parse(texts[0]!) as { events: unknown[] };
    unfinished.events = unfinished.events.slice(0, 2);
    const r = parseCourseProgress(
      saved([JSON.stringify(unfinished), texts[1]!]),
      course,
      scenarios,
    );
    expect(r.ok).toBe(false);
  });
});
