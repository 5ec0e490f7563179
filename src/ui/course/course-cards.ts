/** The library's course cards, from the build-time catalogue (the same lazy chunk as its scenario cards). */
import type { CourseCard } from '../../engine/index.ts';

export type { CourseCard };

export async function loadCourseCards(): Promise<CourseCard[]> {
  return (await import('virtual:scenario-catalogue')).courses;
}
