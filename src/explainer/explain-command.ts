// Explains the commands of a lesson word by word, from the command knowledge in ./commands/knowledge.

import type { ExplainedCommand } from './types.ts';
import { definedFunctions, explainText, explainWords } from './explain.ts';
import { renderCommand } from './render.ts';
import { shellQuote } from '../process/shell-quote.ts';
import { english, type Translator } from '../i18n/index.ts';

export type { ExplainedCommand, ExplainedPart } from './types.ts';

/** Every command of a shell block, explained in the order the shell runs them; `functions` names shell functions defined elsewhere in the lesson. */
export function explainBlock(code: string, functions?: ReadonlySet<string>, translator: Translator = english): ExplainedCommand[] {
  return explainText(code, new Set([...definedFunctions(code), ...(functions ?? [])]), translator);
}

export { definedFunctions };

/** One command given as its words (quotes already removed), explained. */
export function explainCommand(words: readonly string[], translator: Translator = english): ExplainedCommand {
  return explainWords(words, { text: words.map(shellQuote).join(' '), line: 0, column: 0, operator: undefined, redirections: [] }, translator);
}


/** The explanation as plain terminal text, no line longer than `width`. */
export function renderExplanation(explained: ExplainedCommand, width: number, translator: Translator = english): string {
  return renderCommand(explained, Math.max(width, 20), '', translator.t).join('\n');
}
