/** Courses: visits played in order with the facts that carry between them. */
export { carriedFrom, playCourse, summarizeCourse } from './play.ts';
export type { CourseSummary, CourseVisitResult } from './play.ts';
export { validateCourse, Course, type CourseDef } from '../format/course.ts';
export { checkCourseVisits, variableUse, type CourseVisitFile } from './check.ts';
export {
  COURSE_SAVE_VERSION,
  newCourseProgress,
  parseCourseProgress,
  serializeCourseProgress,
  withVisitAttempt,
  type CourseProgress,
  type CourseState,
  type CourseVisitState,
  type ParseCourseProgressResult,
} from './progress.ts';
