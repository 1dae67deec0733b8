// Lint rule: every command a lesson runs should be one steplab can explain word by word.

import type { CommandBlock, Lesson, Problem } from '../lesson/types.ts';
import { definedFunctions, explainBlock } from './explain-command.ts';

/** Every command block of a lesson: the introduction's hidden ones and each step's. */
function commandBlocks(lesson: Lesson): CommandBlock[] {
  return [
    ...lesson.setup,
    ...lesson.cleanup,
    ...lesson.docker,
    ...lesson.steps.flatMap((step) => [...step.setup, ...step.commands, ...step.solution, ...step.cleanup, ...step.docker]),
  ];
}

/** A warning for each command with a program or words the explainer does not know, at the command's line. */
export function unexplainedCommands(lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  const blocks = commandBlocks(lesson);
  // A function one block defines may be called in a later one.
  const functions = new Set(blocks.flatMap((b) => [...definedFunctions(b.code)]));
  for (const block of blocks) {
    for (const command of explainBlock(block.code, functions)) {
      if (command.unknown.length === 0) continue;
      const words = command.unknown.map((w) => `"${w}"`).join(', ');
      problems.push({
        file: lesson.file,
        line: block.line + 1 + command.line,
        column: command.column + 1,
        severity: 'warning',
        message:
          `steplab cannot explain ${words} in \`${command.text.split('\n')[0]}\` (${block.kind} block); ` +
          'check the spelling, or teach the explainer in src/explainer/knowledge/',
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
