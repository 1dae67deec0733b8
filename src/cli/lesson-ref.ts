// Find what the learner named on the command line: a lesson file, a course folder, a lesson number or id, a step.

import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { lessonNumber, type Course } from '../lesson/course.ts';
import { loadCourse } from '../course/load.ts';
import type { Lesson } from '../lesson/types.ts';
import { usageError } from '../errors.ts';
import { resolveLessonPath } from '../course/shipped-course.ts';
import { defaultCoursePath } from './course-paths.ts';
import { courseInLanguage } from '../course/course-language.ts';
import type { Io } from './io.ts';
import { english, type Translate } from '../i18n/index.ts';

/** The course the learner works in, and the lesson named (if one was). */
export interface Named {
  readonly course: Course;
  readonly where: string;
  readonly lesson: Lesson | undefined;
}

/** Whether a path names a file or folder on disk. */
async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A lesson's number in its course: the file name's numeric prefix (`08-outbound-nat.md` → 8). */
export const numberOf = (lesson: Lesson): number | undefined => lessonNumber(basename(lesson.file));

/**
 * Resolve LESSON (a file, a folder, a shipped-course name, or a number or id in the course folder
 * `courseDir`, by default ./lessons or the shipped course). A folder is a course with no lesson named;
 * a file is a course of that one lesson.
 */
export async function resolveNamed(named: string | undefined, courseDir: string | undefined, io: Pick<Io, 'stderr'>, t: Translate = english.t): Promise<Named> {
  const path = named === undefined ? undefined : await resolveLessonPath(named);
  if (path !== undefined && (await exists(path))) {
    const course = await loadCourse([path], t);
    const isFile = !(await stat(path)).isDirectory();
    return { course, where: path, lesson: isFile ? course.lessons[0] : undefined };
  }
  const dir = courseDir ?? (await defaultCoursePath(io));
  const course = await loadCourse([dir], t);
  if (named === undefined) return { course, where: dir, lesson: undefined };
  const lesson = findLesson(course.lessons, named);
  if (lesson === undefined) {
    const list = course.lessons.map((l) => `${numberOf(l) ?? '?'} (${l.id})`).join(', ');
    throw usageError(`"${named}" is neither a file nor a lesson of ${dir}`, list ? `Name a lesson file, or one of: ${list}.` : `Name a lesson file, or a course folder with --course.`);
  }
  return { course, where: dir, lesson };
}

/** A lesson by its number or id. */
export function findLesson(lessons: readonly Lesson[], ref: string): Lesson | undefined {
  const n = /^\d+$/.test(ref) ? Number(ref) : undefined;
  return lessons.find((l) => l.id === ref || (n !== undefined && numberOf(l) === n));
}

/** The index of `--step N|ID` (N from 1) in a lesson. */
export function stepIndex(lesson: Lesson, ref: string): number {
  const n = Number(ref);
  if (Number.isInteger(n) && n >= 1 && n <= lesson.steps.length) return n - 1;
  const index = lesson.steps.findIndex((s) => s.id === ref);
  if (index >= 0) return index;
  throw usageError(`no step "${ref}" in ${lesson.file}`, `Use a number from 1 to ${lesson.steps.length} or one of: ${lesson.steps.map((s) => s.id).join(', ')}.`);
}

/** What was named, as a learner of `lang` sees it: each lesson in that language where a faithful translation exists, else in English. */
export async function inLanguage(named: Named, lang: string): Promise<Named> {
  const course = await courseInLanguage(named.course, lang);
  if (course === named.course) return named;
  const index = named.lesson === undefined ? -1 : named.course.lessons.indexOf(named.lesson);
  return { ...named, course, lesson: index < 0 ? named.lesson : course.lessons[index] };
}
