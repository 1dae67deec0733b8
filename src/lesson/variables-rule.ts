// Lint rule: a check that names `$NAME` needs a block of the lesson that sets NAME, in the lesson's own shell.

import { assertionVariables, assignedNames, SHELL_NAMES } from '../assert/variables.ts';
import type { CommandBlock, Lesson, Problem } from './types.ts';
import { english, type Translate } from '../i18n/index.ts';

/** The blocks that run in the lesson's shell up to and including a step (the lesson's setup first). */
function blocksUpTo(lesson: Lesson, index: number): CommandBlock[] {
  return [...lesson.setup, ...lesson.steps.slice(0, index + 1).flatMap((s) => [...s.setup, ...s.commands, ...s.solution, ...s.cleanup])];
}

/** Names the blocks set; a `{background}` block runs in a subshell, so what it sets stays there. */
function namesSet(blocks: readonly CommandBlock[], background: boolean): Set<string> {
  return new Set(blocks.filter((b) => b.background === background).flatMap((b) => [...assignedNames(b.code)]));
}

/** Warn about each `$NAME` in a check that no earlier block of the lesson's shell sets. */
export function checkVariablesAreSet(lesson: Lesson, source?: { readonly text: string }, t: Translate = english.t): Problem[] {
  const lines = source?.text.split('\n');
  const everywhere = blocksUpTo(lesson, lesson.steps.length);
  const problems: Problem[] = [];
  for (const step of lesson.steps) {
    const before = blocksUpTo(lesson, step.index);
    const set = namesSet(before, false);
    for (const check of step.checks) {
      for (const name of assertionVariables(check.assertion)) {
        if (set.has(name) || SHELL_NAMES.has(name)) continue;
        const text = lines?.[check.line - 1] ?? '';
        const at = Math.max(text.search(new RegExp(`\\$\\{?${name}\\b`)), 0);
        const message = namesSet(before, true).has(name)
          ? t('lint.variable-background', { name, background: '{background}' })
          : namesSet(everywhere, false).has(name)
            ? t('lint.variable-later', { name })
            : t('lint.variable-unset', { name });
        problems.push({ file: lesson.file, line: check.line, column: at + 1, severity: 'warning', message });
      }
    }
  }
  return problems;
}
