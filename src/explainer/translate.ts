// The command knowledge in another language: the same grammar tree with every text replaced by its translation.

import type { CommandNode, Effect, KeywordSpec, OptionSpec, PositionalSpec, RestSpec, ValueSpec, Vocabulary } from './types.ts';

/** A text's translation; the English text itself when there is none (the knowledge test keeps that from happening). */
export type TextTable = ReadonlyMap<string, string>;

const text = (table: TextTable, english: string): string => table.get(english) ?? english;

/** Every text a grammar tree shows, in the order met (summaries, effects, contexts and glosses included). */
export function textsOf(node: CommandNode): string[] {
  const out: string[] = [];
  mapNode(node, (english) => {
    out.push(english);
    return english;
  });
  return out;
}

/** The grammar tree with its texts translated; words, names, patterns and vocabulary keys stay as they are. */
export function translateNode(node: CommandNode, table: TextTable): CommandNode {
  return mapNode(node, (english) => text(table, english));
}

/** A vocabulary with its glosses translated (keys are the words of the command line). */
export function translateVocabulary(vocabulary: Vocabulary, table: TextTable): Vocabulary {
  return mapVocabulary(vocabulary, (english) => text(table, english));
}

type Map1 = (english: string) => string;

function mapVocabulary(vocabulary: Vocabulary, f: Map1): Vocabulary {
  return Object.fromEntries(Object.entries(vocabulary).map(([key, gloss]) => [key, f(gloss)]));
}

function mapEffect(effect: Effect, f: Map1): Effect {
  return typeof effect === 'string' ? f(effect) : effect.map(f);
}

function mapValue(value: ValueSpec, f: Map1): ValueSpec {
  return value.values === undefined ? value : { ...value, values: mapVocabulary(value.values, f) };
}

/** The fields every item (option, keyword, positional) may carry. */
function mapItem<T extends OptionSpec | KeywordSpec | PositionalSpec>(item: T, f: Map1): T {
  const effect = item.effect === undefined ? {} : { effect: mapEffect(item.effect, f) };
  const context = 'context' in item && item.context !== undefined ? { context: f(item.context) } : {};
  const value = item.value === undefined ? {} : { value: mapValue(item.value, f) };
  return { ...item, meaning: f(item.meaning), ...effect, ...context, ...value };
}

function mapRest(rest: RestSpec, f: Map1): RestSpec {
  return { ...rest, meaning: f(rest.meaning), ...(rest.values === undefined ? {} : { values: mapVocabulary(rest.values, f) }) };
}

function mapNode(node: CommandNode, f: Map1): CommandNode {
  return {
    ...node,
    meaning: f(node.meaning),
    ...(node.summary === undefined ? {} : { summary: node.summary.map(f) }),
    ...(node.options === undefined ? {} : { options: node.options.map((o) => mapItem(o, f)) }),
    ...(node.keywords === undefined ? {} : { keywords: node.keywords.map((k) => mapItem(k, f)) }),
    ...(node.positionals === undefined ? {} : { positionals: node.positionals.map((p) => mapItem(p, f)) }),
    ...(node.rest === undefined ? {} : { rest: mapRest(node.rest, f) }),
    ...(node.commands === undefined ? {} : { commands: node.commands.map((c) => mapNode(c, f)) }),
  };
}
