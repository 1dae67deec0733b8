// Lint for translations: each one against its original (read from disk when the paths did not name it).

import { resolve } from 'node:path';
import type { Course } from '../lesson/course.ts';
import { locateFrontMatter } from '../lesson/front-matter.ts';
import { compareTranslation, freshness, isTranslation, originalFile } from '../lesson/translation.ts';
import type { Lesson, Problem } from '../lesson/types.ts';
import { loadCourse } from './load.ts';
import { english, type Translate } from '../i18n/index.ts';

/** Every problem of every translation in the course: no original, an original with errors, a difference, an older original. */
export async function translationProblems(course: Course, t: Translate = english.t): Promise<Problem[]> {
  const loaded = new Map(course.lessons.map((l) => [resolve(l.file), l]));
  const texts = new Map(course.files.map((f) => [f.file, f.text]));
  const problems: Problem[] = [];
  for (const translation of course.lessons.filter(isTranslation)) {
    const path = originalFile(translation.file);
    const original = loaded.get(resolve(path)) ?? (await loadOriginal(path));
    const at = { file: translation.file, line: 1, column: 1, severity: 'error' as const };
    if (original === 'missing') {
      problems.push({ ...at, message: t('translation.no-original', { original: path }) });
      continue;
    }
    if (original === 'broken') {
      problems.push({ ...at, message: t('translation.broken-original', { original: path }) });
      continue;
    }
    const text = texts.get(translation.file) ?? '';
    const fieldLine = (key: string) => locateFrontMatter(text, key);
    problems.push(...compareTranslation(translation, original, fieldLine, t));
    const stale = freshness(translation, original, fieldLine, t);
    if (stale !== undefined) problems.push(stale);
  }
  return problems;
}

/** An original the paths did not name, read now; whether it is missing or does not parse. */
async function loadOriginal(path: string): Promise<Lesson | 'missing' | 'broken'> {
  const course = await loadCourse([path]);
  if (course.files.length === 0) return 'missing';
  return course.lessons[0] ?? 'broken';
}
