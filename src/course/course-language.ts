// A course as a learner of one language sees it: each lesson's translation where there is a faithful one, else the lesson itself.

import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
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

/** A folder name that is a language tag other than English, language[-Script][-REGION] (`zh-CN`, `zh-Hans`, `de`): a course's folder of translations. */
export function isLanguageFolder(name: string): boolean {
  try {
    const [tag] = Intl.getCanonicalLocales(name);
    return tag === name && tag !== 'en' && /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/.test(name);
  } catch {
    return false;
  }
}

/** The paths with, after each course folder, its folders of translations (`lessons` → `lessons`, `lessons/zh-CN`): what lint checks. */
export async function withTranslationFolders(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    out.push(path);
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      continue;
    }
    const folders = entries.filter((e) => e.isDirectory() && isLanguageFolder(e.name)).map((e) => join(path, e.name)).sort();
    out.push(...folders.filter((folder) => !paths.includes(folder)));
  }
  return out;
}
