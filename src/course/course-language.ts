// A course as a learner of one language sees it: each lesson's translation where there is a faithful one, else the lesson itself.

import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Course } from '../lesson/course.ts';
import { compareTranslation, isTranslation, lessonLang, translationFile } from '../lesson/translation.ts';
import type { Lesson } from '../lesson/types.ts';
import { loadCourse } from './load.ts';

/**
 * Swap in translations, lesson by lesson: a translation is used when it parses, is one (right folder
 * and `lang`), has its original's id and the same steps, blocks and checks; anything else falls back
 * to the original, which the learner can still take. Pure.
 */
export function preferTranslations(lessons: readonly Lesson[], translations: readonly Lesson[], lang: string): Lesson[] {
  const byName = new Map(translations.filter((t) => isTranslation(t) && lessonLang(t) === lang).map((t) => [basename(t.file), t]));
  return lessons.map((lesson) => {
    const translation = byName.get(basename(lesson.file));
    const faithful = translation !== undefined && translation.id === lesson.id && compareTranslation(translation, lesson).length === 0;
    return faithful ? translation : lesson;
  });
}

/** The course in a language: reads the translations that exist (lessons/LANG/NN-x.md) and prefers them; English needs none. */
export async function courseInLanguage(course: Course, lang: string): Promise<Course> {
  if (lang === 'en') return course;
  const candidates = course.lessons.filter((l) => lessonLang(l) === 'en').map((l) => translationFile(l.file, lang));
  const present = (await Promise.all(candidates.map(async (file) => ((await isFile(file)) ? file : undefined)))).filter((f): f is string => f !== undefined);
  if (present.length === 0) return course;
  const translated = await loadCourse(present);
  return { ...course, lessons: preferTranslations(course.lessons, translated.lessons, lang) };
}

/** Whether a path is a file that can be stat'ed. */
async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
