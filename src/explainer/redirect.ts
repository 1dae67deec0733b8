// Explains redirections (`> file`, `2>&1`, `<<EOF`) from the shell knowledge.

import type { ExplainedPart } from './types.ts';
import type { Redirection } from './shell/split.ts';
import { REDIRECTIONS, REDIRECT_TARGETS } from './knowledge/shell.ts';
import { lookUp } from './vocabulary.ts';

/** The part for one redirection, and whether steplab understood its operator. */
export function explainRedirection(r: Redirection): { part: ExplainedPart; known: boolean } {
  const template = lookUp(REDIRECTIONS, r.op);
  const words = /^\d*[<>]&$/.test(r.op) || r.op.startsWith('<<') ? `${r.op}${r.target}` : `${r.op} ${r.target}`;
  if (template === undefined) return { part: { words, meaning: 'steplab does not know this redirection' }, known: false };
  const meaning = template.replaceAll('{target}', r.target);
  const gloss = lookUp(REDIRECT_TARGETS, r.target);
  return { part: { words, meaning: gloss === undefined ? meaning : `${meaning} — ${gloss}` }, known: true };
}

const STDOUT = new Set(['>', '>>', '1>', '1>>', '>|', '&>', '&>>']);

/** What a redirection adds to the summary: where the output goes, when it goes to a file. */
export function redirectionSummary(redirections: readonly Redirection[]): string {
  const out = redirections.find((r) => STDOUT.has(r.op) && r.target !== '/dev/null');
  return out === undefined ? '' : `, written to ${out.target}`;
}
