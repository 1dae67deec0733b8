// Decides whether a word can be the value an option, keyword or argument expects.

import type { ValueSpec } from './types.ts';
import { lookUp } from './vocabulary.ts';

/** Whether a word may serve as the value described by `spec`. */
export function valueFits(spec: ValueSpec, word: string | undefined): boolean {
  if (word === undefined) return false;
  if (word.includes('$')) return true;
  if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(word)) return false;
  if (spec.closed && spec.values !== undefined) {
    const items = spec.list === undefined ? [word] : word.split(spec.list);
    return items.every((item) => lookUp(spec.values ?? {}, item) !== undefined);
  }
  return true;
}
