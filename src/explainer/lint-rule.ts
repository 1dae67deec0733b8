// Lint rule: every command a lesson runs should be one steplab can explain word by word, or one the lesson explains.

import type { CommandBlock, Lesson, Problem, Step } from '../lesson/types.ts';
import { definedFunctions, explainBlock } from './explain-command.ts';
import { english, type Translator } from '../i18n/index.ts';

/** Every command block of a lesson with the step it belongs to (undefined: the introduction's hidden ones). */
function commandBlocks(lesson: Lesson): { block: CommandBlock; step: Step | undefined }[] {
  return [
    ...[...lesson.setup, ...lesson.cleanup, ...lesson.docker].map((block) => ({ block, step: undefined })),
    ...lesson.steps.flatMap((step) => [...step.setup, ...step.commands, ...step.solution, ...step.cleanup, ...step.docker].map((block) => ({ block, step }))),
  ];
}

/** The words inside `code spans` of some Markdown: what its prose names as commands, options or values. */
export function codeSpanWords(markdown: string): Set<string> {
  const words = new Set<string>();
  for (const m of markdown.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) {
    for (const word of (m[2] ?? '').trim().split(/\s+/)) if (word !== '') words.add(word);
  }
  return words;
}

/** The words a step's prose (or the introduction, for every step) names in backticks: the lesson explains those itself. */
function explainedWords(lesson: Lesson, step: Step | undefined): Set<string> {
  const prose = [lesson.introduction, ...(step?.body ?? []).flatMap((part) => (part.kind === 'prose' ? [part.markdown] : []))];
  return codeSpanWords(prose.join('\n'));
}

/** A warning for each command with a program or words the explainer does not know and the lesson does not explain. */
export function unexplainedCommands(lesson: Lesson): Problem[] {
  return unexplainedCommandsIn(english)(lesson);
}

/** The same lint rule, its warnings in the translator's language (commands are explained in it too). */
export const unexplainedCommandsIn = (translator: Translator) => (lesson: Lesson): Problem[] => {
  const { t } = translator;
  const problems: Problem[] = [];
  const blocks = commandBlocks(lesson);
  // A function one block defines may be called in a later one.
  const functions = new Set(blocks.flatMap((b) => [...definedFunctions(b.block.code)]));
  for (const { block, step } of blocks) {
    const explained = explainedWords(lesson, step);
    for (const command of explainBlock(block.code, functions, translator)) {
      const unknown = command.unknown.filter((w) => !explained.has(w));
      if (unknown.length === 0) continue;
      const words = unknown.map((w) => `"${w}"`).join(', ');
      const first = unknown[0] ?? '';
      problems.push({
        file: lesson.file,
        line: block.line + 1 + command.line,
        column: command.column + 1,
        severity: 'warning',
        message: t('explain.lint.unexplained', {
          count: unknown.length,
          words,
          command: command.text.split('\n')[0] ?? '',
          block: block.kind,
          where: t(step ? 'explain.lint.step' : 'explain.lint.introduction'),
          first,
        }),
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
};
