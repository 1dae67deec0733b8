// Matches dash options the ways programs accept them: `-t nat`, `--net=host`, `-c3`, `-nvL`.

import type { OptionSpec } from './types.ts';
import { valueFits } from './value-fits.ts';

/** One or more options read from one word (a cluster like `-nvL`), and the value the last one took. */
export interface OptionMatch {
  readonly words: string;
  readonly options: readonly OptionSpec[];
  readonly value: string | undefined;
  /** How many words were read (1, or 2 with a separate value). */
  readonly consumed: number;
}

/** Whether a word looks like an option rather than an argument. */
export function isOptionLike(word: string): boolean {
  return word.length > 1 && word.startsWith('-');
}

/** The option named exactly `name` among those in scope (the innermost wins). */
function named(options: readonly OptionSpec[], name: string): OptionSpec | undefined {
  return options.findLast((o) => o.names.includes(name));
}

/** The match of `option` whose value, if any, comes from the next word. */
function withNextValue(option: OptionSpec, words: readonly string[], i: number, word: string, options: readonly OptionSpec[]): OptionMatch {
  const next = words[i + 1];
  const spec = option.value;
  const takes =
    spec !== undefined &&
    next !== undefined &&
    (!spec.optional || (!(isOptionLike(next) && named(options, next) !== undefined) && valueFits(spec, next)));
  return { words: takes ? `${word} ${next}` : word, options: [option], value: takes ? next : undefined, consumed: takes ? 2 : 1 };
}

/** Reads the option(s) at words[i], or undefined when the word is no option known here. */
export function matchOption(options: readonly OptionSpec[], words: readonly string[], i: number): OptionMatch | undefined {
  const word = words[i] ?? '';
  const exact = named(options, word);
  if (exact !== undefined) return withNextValue(exact, words, i, word, options);

  const equals = word.indexOf('=');
  if (equals > 1) {
    const option = named(options, word.slice(0, equals));
    if (option?.value !== undefined) return { words: word, options: [option], value: word.slice(equals + 1), consumed: 1 };
  }

  if (word.startsWith('--')) return undefined;
  const first = named(options, word.slice(0, 2));
  if (first?.value !== undefined) return { words: word, options: [first], value: word.slice(2), consumed: 1 };

  const cluster: OptionSpec[] = [];
  for (const letter of word.slice(1)) {
    const option = named(options, `-${letter}`);
    if (option === undefined || (option.value !== undefined && cluster.length < word.length - 2 && !option.value.optional)) return undefined;
    cluster.push(option);
  }
  const last = cluster[cluster.length - 1];
  if (last?.value === undefined) return { words: word, options: cluster, value: undefined, consumed: 1 };
  const next = withNextValue(last, words, i, word, options);
  return { words: next.words, options: cluster, value: next.value, consumed: next.consumed };
}
