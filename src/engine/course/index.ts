/** Courses: visits played in order with the facts that carry between them. */
export { carriedFrom, playCourse, summarizeCourse } from './play.ts';
export type { CourseSummary, CourseVisitResult } from './play.ts';
export { validateCourse, Course, type CourseDef } from '../format/course.ts';
