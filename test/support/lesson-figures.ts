// Where a lesson embeds a topology figure: its ```text topology blocks, each with the step it belongs to.

import type { Lesson } from '../../src/lesson/types.ts';

/** Figures are drawn at this width, in the lessons and in the golden pictures alike. */
export const FIGURE_WIDTH = 80;
/** The fence that opens a figure block; group 1 is the fence itself, to find the closing one. */
export const FIGURE_FENCE = /^(`{3,}|~{3,})text\s+topology\b/;

/** A figure: the fence line (1-based) of its block, the step it belongs to, and the text it shows. */
export interface Figure {
  readonly line: number;
  readonly stepIndex: number;
  readonly shown: string;
}

/** The lesson's ```text topology blocks, each with its step; `lines` is the lesson file's text split at newlines. */
export function figuresOf(lesson: Lesson, lines: readonly string[]): Figure[] {
  const figures: Figure[] = [];
  lesson.steps.forEach((step, stepIndex) => {
    for (const item of step.body) {
      if (item.kind === 'illustration' && FIGURE_FENCE.test(lines[item.line - 1] ?? '')) figures.push({ line: item.line, stepIndex, shown: item.code });
    }
  });
  return figures;
}
