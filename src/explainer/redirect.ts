// Explains redirections (`> file`, `2>&1`, `<<EOF`) from the shell knowledge.

import type { ExplainedPart } from './types.ts';
import type { Redirection } from './shell/split.ts';
import { knowledgeIn, type Knowledge } from './registry.ts';
import { lookUp } from './vocabulary.ts';
import { english, type Translate } from '../i18n/index.ts';

/** The part for one redirection, and whether steplab understood its operator. */
export function explainRedirection(r: Redirection, knowledge: Knowledge = knowledgeIn('en'), t: Translate = english.t): { part: ExplainedPart; known: boolean } {
  const template = lookUp(knowledge.redirections, r.op);
  const words = /^\d*[<>]&$/.test(r.op) || r.op.startsWith('<<') ? `${r.op}${r.target}` : `${r.op} ${r.target}`;
  if (template === undefined) return { part: { words, meaning: t('explain.unknown-redirection') }, known: false };
  const meaning = template.replaceAll('{target}', r.target);
  const gloss = lookUp(knowledge.redirectTargets, r.target);
  return { part: { words, meaning: gloss === undefined ? meaning : t('explain.with-gloss', { meaning, gloss }) }, known: true };
}

const STDOUT = new Set(['>', '>>', '1>', '1>>', '>|', '&>', '&>>']);

/** The summary with where the output goes added, when it goes to a file. */
export function redirectionSummary(summary: string, redirections: readonly Redirection[], t: Translate = english.t): string {
  const out = redirections.find((r) => STDOUT.has(r.op) && r.target !== '/dev/null');
  return out === undefined ? summary : t('explain.written-to', { summary, target: out.target });
}
