// The explanation of a step's commands, word by word, for the "Explain the commands" menu entry.

import { explainBlock, renderExplanation } from '../explainer/explain-command.ts';
import type { Step } from '../lesson/types.ts';
import { english, type Translator } from '../i18n/index.ts';

/** Every command of a step explained, in the order written. */
export function explainStep(step: Step, translator: Translator = english): string {
  const width = Math.min(process.stdout.columns ?? 80, 100);
  const blocks = step.challenge ? step.solution : step.commands;
  return blocks.flatMap((b) => explainBlock(b.code, undefined, translator).map((e) => renderExplanation(e, width, translator))).join('\n\n');
}
