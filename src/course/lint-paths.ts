// `steplab lint`'s work: load every lesson the paths name and lint the course they make.

import type { Problem } from '../lesson/types.ts';
import { lintCourse, type LintRule } from '../lesson/lint.ts';
import { loadCourse } from './load.ts';
import { translationProblems } from './translation-lint.ts';

/** Lints every lesson the paths name: parse problems, then the rules on each lesson that parsed. */
export async function lintPaths(paths: readonly string[], extraRules: readonly LintRule[] = []): Promise<Problem[]> {
  const course = await loadCourse(paths);
  return lintCourse(course, extraRules, await translationProblems(course));
}
