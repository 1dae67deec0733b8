// `steplab lint`'s work: load every lesson the paths name and lint the course they make.

import type { Problem } from '../lesson/types.ts';
import { lintCourse, type LintRule } from '../lesson/lint.ts';
import { withTranslationFolders } from './course-language.ts';
import { loadCourse } from './load.ts';
import { translationProblems } from './translation-lint.ts';
import { english, type Translate } from '../i18n/index.ts';

/** Lints every lesson the paths name (and a course folder's translations): parse problems, the rules on each lesson that parsed, translations against their originals. */
export async function lintPaths(paths: readonly string[], extraRules: readonly LintRule[] = [], t: Translate = english.t): Promise<Problem[]> {
  // A course folder's translations (lessons/zh-CN) are linted with it, so linting a course proves them in step.
  const course = await loadCourse(await withTranslationFolders(paths), t);
  return lintCourse(course, extraRules, await translationProblems(course, t), t);
}
