// Loads lesson files from paths (a file, or a course folder of numbered lessons) and parses each one.

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Lesson, ParseResult, Problem } from './types.ts';
import { locateFrontMatter } from './front-matter.ts';
import { parseLesson } from './parse.ts';

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
function pathProblem(file: string, message: string): Problem {
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

/** The lesson files one path names, or the problem with it. */
export async function lessonFiles(path: string): Promise<{ readonly files: string[] } | { readonly problem: Problem }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or folder; check the path' : `cannot be read (${code ?? String(error)})`;
    return { problem: pathProblem(path, why) };
  }
  if (!info.isDirectory()) return { files: [path] };
  const names = orderLessonNames(await readdir(path));
  if (names.length === 0) {
    return { problem: pathProblem(path, 'no lessons in this folder; a course folder holds lesson files named with a number first, e.g. 01-namespaces.md') };
  }
  return { files: names.map((name) => join(path, name)) };
}

/** Reads and parses every lesson the paths name; a lesson id used twice is an error at the second file. */
export async function loadCourse(paths: readonly string[]): Promise<Course> {
  const problems: Problem[] = [];
  const files: LoadedFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const found = await lessonFiles(path);
    if ('problem' in found) {
      problems.push(found.problem);
      continue;
    }
    for (const file of found.files) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      const loaded = await loadFile(file);
      if ('message' in loaded) problems.push(loaded);
      else files.push(loaded);
    }
  }
  const lessons: Lesson[] = [];
  const owners = new Map<string, string>();
  for (const { file, text, result } of files) {
    problems.push(...result.problems);
    const lesson = result.lesson;
    if (lesson === undefined) continue;
    // A translation shares its original's id: ids are unique per language.
    const owner = owners.get(idKey(lesson));
    if (owner !== undefined) {
      const at = locateFrontMatter(text, 'id') ?? { line: 1, column: 1 };
      problems.push({ file, ...at, severity: 'error', message: `lesson id "${lesson.id}" is already used by ${owner}; give this lesson an id of its own` });
      continue;
    }
    owners.set(idKey(lesson), file);
    lessons.push(lesson);
  }
  return { files, lessons, problems };
}

/** A lesson's id within its language. */
const idKey = (lesson: Lesson): string => `${lesson.lang ?? 'en'}\0${lesson.id}`;

/** Reads one file and parses it; a file that cannot be read is a problem. */
async function loadFile(file: string): Promise<LoadedFile | Problem> {
  try {
    const text = await readFile(file, 'utf8');
    return { file, text, result: parseLesson(text, file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return pathProblem(file, `cannot be read (${code ?? String(error)}); check the file's permissions`);
  }
}
