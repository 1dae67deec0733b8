// Looks a word up in a vocabulary: exact keys first, then globs and /regex/ keys in order.

import type { Vocabulary } from './types.ts';

const compiled = new Map<string, RegExp>();

/** The regular expression a vocabulary key stands for (anchored), or undefined for a plain word. */
export function keyPattern(key: string): RegExp | undefined {
  const known = compiled.get(key);
  if (known !== undefined) return known;
  let pattern: RegExp | undefined;
  if (key.length > 2 && key.startsWith('/') && key.endsWith('/')) pattern = new RegExp(`^(?:${key.slice(1, -1)})$`);
  else if (key.includes('*')) {
    const source = key.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('(.*?)');
    pattern = new RegExp(`^${source}$`);
  }
  if (pattern !== undefined) compiled.set(key, pattern);
  return pattern;
}

/** Fills {1}, {2}, … of a gloss with captures and {value} with the word. */
function fillCaptures(gloss: string, word: string, captures: readonly string[]): string {
  return gloss.replace(/\{(\d+|value)\}/g, (all, name: string) =>
    name === 'value' ? word : (captures[Number(name) - 1] ?? all),
  );
}

/** The gloss of a word in a vocabulary, or undefined when the vocabulary does not know it. */
export function lookUp(vocabulary: Vocabulary, word: string): string | undefined {
  const exact = Object.hasOwn(vocabulary, word) ? vocabulary[word] : undefined;
  if (exact !== undefined) return fillCaptures(exact, word, []);
  for (const [key, gloss] of Object.entries(vocabulary)) {
    const match = keyPattern(key)?.exec(word);
    if (match) return fillCaptures(gloss, word, match.slice(1).map((c) => c ?? ''));
  }
  return undefined;
}
