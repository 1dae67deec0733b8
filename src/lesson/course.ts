// A course in memory: lesson files as read and parsed, the lessons among them, and the order of a folder's lesson files.
// Pure: src/course/load.ts does the reading.

import type { Lesson, ParseResult, Problem } from './types.ts';
import type { Translate } from '../i18n/index.ts';

/** One file read and parsed; its text is kept so rules can point into it. */
export interface LoadedFile {
  readonly file: string;
  readonly text: string;
  readonly result: ParseResult;
}

/** Every file found, the lessons that parsed cleanly, and every problem (files in load order). */
export interface Course {
  readonly files: readonly LoadedFile[];
  readonly lessons: readonly Lesson[];
  readonly problems: readonly Problem[];
}

/** A problem with a path as a whole (no line): formatted as `path: error: message`. */
export function pathProblem(file: string, message: string): Problem {
  return { file, line: 0, column: 0, severity: 'error', message };
}

/** The numeric prefix of a lesson file name (`01-veth.md` → 1), or undefined when there is none. */
export function lessonNumber(name: string): number | undefined {
  const match = /^(\d+)[^/]*\.md$/i.exec(name);
  return match === null ? undefined : Number(match[1]);
}

/** The lesson files a folder holds: numbered `*.md` files, by number and then name. */
export function orderLessonNames(names: readonly string[]): string[] {
  return names
    .filter((name) => lessonNumber(name) !== undefined)
    .toSorted((a, b) => (lessonNumber(a) ?? 0) - (lessonNumber(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Where a front-matter key is written in a file's text (lesson/front-matter.ts's locateFrontMatter, which needs yaml). */
export type LocateKey = (text: string, key: string) => { line: number; column: number } | undefined;

/** The files whose lesson reuses the id of an earlier file's lesson, each with that earlier file. */
export function reusedIds(files: readonly LoadedFile[]): Map<LoadedFile, string> {
  const reused = new Map<LoadedFile, string>();
  const owners = new Map<string, string>();
  for (const loaded of files) {
    const lesson = loaded.result.lesson;
    if (lesson === undefined) continue;
    // A translation shares its original's id: ids are unique per language.
    const owner = owners.get(idKey(lesson));
    if (owner === undefined) owners.set(idKey(lesson), loaded.file);
    else reused.set(loaded, owner);
  }
  return reused;
}

/**
 * The course the parsed files make, after the problems met finding them; a lesson id used twice is an error at
 * the second file's `id:` line, found by `locate` (course/load.ts loads it only when an id is reused).
 */
export function assembleCourse(files: readonly LoadedFile[], pathProblems: readonly Problem[], t: Translate, locate: LocateKey): Course {
  const problems = [...pathProblems];
  const lessons: Lesson[] = [];
  const reused = reusedIds(files);
  for (const loaded of files) {
    const { file, text, result } = loaded;
    problems.push(...result.problems);
    const lesson = result.lesson;
    if (lesson === undefined) continue;
    const owner = reused.get(loaded);
    if (owner !== undefined) {
      const at = locate(text, 'id') ?? { line: 1, column: 1 };
      problems.push({ file, ...at, severity: 'error', message: t('lint.id-used', { id: lesson.id, owner }) });
      continue;
    }
    lessons.push(lesson);
  }
  return { files, lessons, problems };
}

/** A lesson's id within its language. */
const idKey = (lesson: Lesson): string => `${lesson.lang ?? 'en'}\0${lesson.id}`;
