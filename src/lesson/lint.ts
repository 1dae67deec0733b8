// Checks lesson files and reports every problem, sorted by file and line; rules can be added.

import type { Lesson, Problem } from './types.ts';
import type { Course } from './course.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { locateFrontMatter } from './front-matter.ts';
import { KNOWN_COMMANDS } from './known-commands.ts';
import { checkVariablesAreSet } from './variables-rule.ts';
import { english, type Translate } from '../i18n/index.ts';

/** What a rule may read besides the lesson: the file's text, to point at exact lines. */
export interface LintSource {
  readonly text: string;
}

/** A lint rule looks at one lesson that parsed cleanly and returns what it finds. */
export type LintRule = (lesson: Lesson, source?: LintSource, t?: Translate) => Problem[];

/** `requires` names a command steplab does not know: most likely a typo. */
export const requiresKnownCommands: LintRule = (lesson, source, t = english.t) =>
  lesson.requires.flatMap((name, index): Problem[] => {
    if (KNOWN_COMMANDS.includes(name)) return [];
    const at = (source === undefined ? undefined : locateFrontMatter(source.text, 'requires', index)) ?? { line: 1, column: 1 };
    return [{
      file: lesson.file,
      ...at,
      severity: 'warning',
      message: t('lint.requires-unknown', { name, suggestion: didYouMean(name, KNOWN_COMMANDS, t) }),
    }];
  });

export const BUILTIN_RULES: readonly LintRule[] = [requiresKnownCommands, checkVariablesAreSet];

/** Lints a loaded course: its problems, the rules on each lesson that parsed, and problems found beside them (a translation's against its original), sorted by file (in load order) and line. */
export function lintCourse(course: Course, extraRules: readonly LintRule[] = [], found: readonly Problem[] = [], t: Translate = english.t): Problem[] {
  const problems = [...course.problems];
  const texts = new Map(course.files.map((f) => [f.file, f.text]));
  for (const lesson of course.lessons) {
    const text = texts.get(lesson.file);
    const source = text === undefined ? undefined : { text };
    for (const rule of [...BUILTIN_RULES, ...extraRules]) problems.push(...rule(lesson, source, t));
  }
  problems.push(...found);
  const order = new Map<string, number>();
  for (const p of [...course.problems.filter((p) => p.line === 0), ...course.files]) {
    if (!order.has(p.file)) order.set(p.file, order.size);
  }
  const rank = (file: string): number => order.get(file) ?? order.size;
  return problems.toSorted((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column);
}

export { formatProblem } from './problem.ts';
