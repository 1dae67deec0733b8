// Loads lesson files from paths (a file, or a course folder of numbered lessons) and parses each one.

import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Problem } from '../lesson/types.ts';
import { assembleCourse, orderLessonNames, pathProblem, reusedIds, type Course, type LoadedFile, type LocateKey } from '../lesson/course.ts';
import { buildParseCache, type ParseCache } from './parse-cache.ts';
import { english, type Translate } from '../i18n/index.ts';

/** The lesson files one path names, or the problem with it. */
export async function lessonFiles(path: string, t: Translate = english.t): Promise<{ readonly files: string[] } | { readonly problem: Problem }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? t('lint.path-missing') : t('lint.path-unreadable', { reason: code ?? String(error) });
    return { problem: pathProblem(path, why) };
  }
  if (!info.isDirectory()) return { files: [path] };
  const names = orderLessonNames(await readdir(path));
  if (names.length === 0) {
    return { problem: pathProblem(path, t('lint.path-empty')) };
  }
  return { files: names.map((name) => join(path, name)) };
}

/**
 * Reads and parses every lesson the paths name (a file named twice once); problems are data, never thrown.
 * A build answers from its cache of parsed lessons (./parse-cache.ts) what it parsed before; the sources parse every time.
 */
export async function loadCourse(paths: readonly string[], t: Translate = english.t, cache?: ParseCache): Promise<Course> {
  const parser = cache ?? (await buildParseCache());
  const problems: Problem[] = [];
  const files: LoadedFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const found = await lessonFiles(path, t);
    if ('problem' in found) {
      problems.push(found.problem);
      continue;
    }
    const fresh = found.files.filter((file) => !seen.has(resolve(file)));
    for (const file of fresh) seen.add(resolve(file));
    // Read and parsed side by side, kept in order.
    for (const loaded of await Promise.all(fresh.map((file) => loadFile(file, t, parser)))) {
      if ('message' in loaded) problems.push(loaded);
      else files.push(loaded);
    }
  }
  // Finding the `id:` line of a reused id reads the front matter again with yaml, which the picker otherwise never loads.
  const locate: LocateKey = reusedIds(files).size > 0 ? (await import('../lesson/front-matter.ts')).locateFrontMatter : () => undefined;
  return assembleCourse(files, problems, t, locate);
}

/** Reads one file and parses it; a file that cannot be read is a problem. */
async function loadFile(file: string, t: Translate, parser: ParseCache): Promise<LoadedFile | Problem> {
  try {
    const text = await readFile(file, 'utf8');
    return { file, text, result: await parser.parse(text, file, t) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return pathProblem(file, t('lint.file-unreadable', { reason: code ?? String(error) }));
  }
}
