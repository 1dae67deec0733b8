// Walks one program's grammar over a command's words: each word gets its meaning, the summary its values.

import type { CommandNode, Effect, ExplainedCommand, ExplainedPart, KeywordSpec, OptionSpec, RestSpec, Tool, ValueSpec, Vocabulary } from './types.ts';
import { fill, fillFirst, fillValue } from './template.ts';
import { lookUp } from './vocabulary.ts';
import { valueFits } from './value-fits.ts';
import { matchOption, isOptionLike } from './options.ts';
import type { OptionMatch } from './options.ts';
import { english, type Translate } from '../i18n/index.ts';

/** How the engine explains the commands inside a command (wrappers, `sh -c`). */
export interface Recurse {
  command(words: readonly string[]): ExplainedCommand;
  script(text: string): ExplainedCommand[];
  knows(program: string): boolean;
}

/** A tool's explanation of its words, before the shell-level parts are added. */
export interface ToolExplanation {
  readonly summary: string;
  readonly parts: ExplainedPart[];
  readonly unknown: string[];
  readonly inner: ExplainedCommand[];
}

export const UNKNOWN_WORD = english.t('explain.unknown-word');

interface Walk {
  readonly recurse: Recurse;
  readonly t: Translate;
  readonly parts: ExplainedPart[];
  readonly unknown: string[];
  readonly inner: ExplainedCommand[];
  readonly binds: Map<string, string>;
  readonly effects: { effect: Effect; value: string | undefined }[];
  readonly contexts: { context: string; value: string | undefined }[];
  /** Index in `parts` of the subcommand part that the next subcommand word extends. */
  subcommandPart: number | undefined;
}

/** The meaning template filled with the value; without one, parentheses that speak of it are dropped. */
function meaningOf(template: string, value: string | undefined, t: Translate): string {
  if (value !== undefined) return fillValue(template, value, t);
  // Chinese texts write their parentheses full width: `（…{value}…）`.
  return template.replace(/\s*\([^()]*\{value(?::[a-z]+)?\}[^()]*\)|（[^（）]*\{value(?::[a-z]+)?\}[^（）]*）/g, '');
}

/** Binds a value for the summary, split into key and value when the spec says so. */
function bindValue(binds: Map<string, string>, spec: ValueSpec, value: string): void {
  const at = spec.split === undefined ? -1 : value.indexOf(spec.split);
  if (spec.bind === undefined) return;
  binds.set(spec.bind, at < 0 ? value : value.slice(0, at));
  if (at >= 0) binds.set(`${spec.bind}-value`, value.slice(at + (spec.split ?? '').length));
}

/** Records a value: binds it, explains a script value, and returns its gloss (unknown items reported). */
function takeValue(walk: Walk, spec: ValueSpec, value: string): string | undefined {
  if (spec.bind !== undefined) bindValue(walk.binds, spec, value);
  if (spec.script) {
    const commands = walk.recurse.script(value);
    walk.inner.push(...commands);
    walk.unknown.push(...commands.flatMap((c) => c.unknown));
    return undefined;
  }
  if (spec.values === undefined || value.includes('$')) return undefined;
  const items = spec.list === undefined ? [value] : value.split(spec.list);
  const glosses = items.map((item) => ({ item, gloss: lookUp(spec.values ?? {}, item) }));
  if (spec.closed) walk.unknown.push(...glosses.filter((g) => g.gloss === undefined).map((g) => g.item));
  const known = glosses.filter((g) => g.gloss !== undefined);
  if (known.length === 0) return undefined;
  return items.length === 1 ? known[0]?.gloss : known.map((g) => walk.t('explain.item-gloss', { item: g.item, gloss: g.gloss ?? '' })).join(walk.t('explain.gloss-separator'));
}

/** A meaning with a value's gloss: in place of {gloss}, else after a dash. */
function withGloss(meaning: string, gloss: string | undefined, value: string | undefined, t: Translate): string {
  if (meaning.includes('{gloss}')) return meaning.replace('{gloss}', gloss ?? value ?? '');
  return gloss === undefined ? meaning : t('explain.with-gloss', { meaning, gloss });
}

/** Adds a part for an item that may take a value, and remembers its effect on the summary. */
function addItem(
  walk: Walk,
  words: string,
  item: { meaning: string; value?: ValueSpec; effect?: Effect; context?: string },
  value: string | undefined,
): void {
  const gloss = item.value !== undefined && value !== undefined ? takeValue(walk, item.value, value) : undefined;
  walk.parts.push({ words, meaning: withGloss(meaningOf(item.meaning, value, walk.t), gloss, value, walk.t) });
  if (item.effect !== undefined) walk.effects.push({ effect: item.effect, value });
  if (item.context !== undefined) walk.contexts.push({ context: item.context, value });
  walk.subcommandPart = undefined;
}

/** The subcommand of `node` that `word` names, exactly or (where allowed) by a prefix. */
export function findSubcommand(node: CommandNode, word: string): CommandNode | undefined {
  const commands = node.commands ?? [];
  const exact = commands.find((c) => c.names.includes(word));
  if (exact !== undefined || !node.abbreviate || word.startsWith('-')) return exact;
  return commands.find((c) => c.names.some((name) => name.startsWith(word)));
}

/** The keyword (longest spelling first) that starts at words[i], with how many words it spans. */
function findKeyword(keywords: readonly KeywordSpec[], words: readonly string[], i: number): { spec: KeywordSpec; length: number } | undefined {
  let best: { spec: KeywordSpec; length: number } | undefined;
  for (const spec of keywords) {
    for (const spelling of spec.words) {
      const parts = spelling.split(' ');
      const fits = parts.every((part, k) => words[i + k] === part);
      if (fits && (best === undefined || parts.length > best.length)) best = { spec, length: parts.length };
    }
  }
  return best;
}

/** Explains the words after the positional arguments as the node's `rest` says. */
function takeRest(walk: Walk, rest: RestSpec, words: readonly string[]): void {
  const joined = words.join(' ');
  if (rest.bind !== undefined) walk.binds.set(rest.bind, joined);
  const program = words[0] ?? '';
  if (rest.kind === 'command' || (rest.kind === 'any-command' && walk.recurse.knows(program))) {
    const explained = walk.recurse.command(words);
    walk.parts.push(...explained.parts);
    walk.unknown.push(...explained.unknown);
    walk.inner.push(...explained.inner);
    walk.binds.set('command', explained.summary);
    return;
  }
  if (rest.kind === 'script') {
    const commands = walk.recurse.script(joined);
    walk.inner.push(...commands);
    walk.unknown.push(...commands.flatMap((c) => c.unknown));
    walk.binds.set('command', commands.map((c) => c.summary).join(walk.t('explain.gloss-separator')));
  }
  walk.binds.set('command', walk.binds.get('command') ?? joined);
  const meaning = meaningOf(rest.meaning, joined, walk.t);
  const glosses = glossWords(walk, rest, words);
  walk.parts.push({ words: joined, meaning: glosses === undefined ? meaning : walk.t('explain.with-gloss', { meaning, gloss: glosses }) });
}

/** The longest phrase (up to three words) at pieces[i] that the vocabulary knows, with its gloss. */
function longestPhrase(values: Vocabulary, pieces: readonly string[], i: number): { gloss: string; length: number } | undefined {
  for (let length = Math.min(3, pieces.length - i); length > 0; length--) {
    const gloss = lookUp(values, pieces.slice(i, i + length).join(' '));
    if (gloss !== undefined) return { gloss, length };
  }
  return undefined;
}

/** For free words with a vocabulary (a capture filter): the gloss of each phrase, unknown words reported. */
function glossWords(walk: Walk, rest: RestSpec, words: readonly string[]): string | undefined {
  if (rest.values === undefined) return undefined;
  const pieces = words.flatMap((w) => w.split(/([()])|\s+/)).filter((w): w is string => w !== undefined && w !== '');
  const glosses: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    const phrase = longestPhrase(rest.values, pieces, i);
    if (phrase === undefined) {
      if (rest.closed) walk.unknown.push(pieces[i] ?? '');
      glosses.push(pieces[i] ?? '');
      i++;
    } else {
      glosses.push(phrase.gloss);
      i += phrase.length;
    }
  }
  return glosses.join(' ');
}

/** Adds the part for a matched option and takes its value. */
function addOption(walk: Walk, match: OptionMatch): void {
  if (match.options.length === 1 && match.options[0] !== undefined) {
    addItem(walk, match.words, match.options[0], match.value);
    return;
  }
  const meanings = match.options.map((option, k) => {
    const last = k === match.options.length - 1;
    const gloss = last && option.value !== undefined && match.value !== undefined ? takeValue(walk, option.value, match.value) : undefined;
    const meaning = meaningOf(option.meaning, last ? match.value : undefined, walk.t);
    if (option.effect !== undefined) walk.effects.push({ effect: option.effect, value: last ? match.value : undefined });
    return walk.t('explain.item-gloss', { item: option.names[0] ?? '', gloss: withGloss(meaning, gloss, last ? match.value : undefined, walk.t) });
  });
  walk.parts.push({ words: match.words, meaning: meanings.join(walk.t('explain.gloss-separator')) });
  walk.subcommandPart = undefined;
}

/** Fills a template with the walk's binds plus a local {value}. */
function fillWith(walk: Walk, template: Effect, value: string | undefined): string | undefined {
  const binds = new Map(walk.binds);
  if (value !== undefined) binds.set('value', value);
  return fillFirst(template, binds, walk.t);
}

/** The one-line summary: the deepest node's first fully bound template, after any contexts. */
function summarize(walk: Walk, node: CommandNode): string {
  const effects = walk.effects.map((e) => fillWith(walk, e.effect, e.value)).filter((e): e is string => e !== undefined);
  if (effects.length > 0) walk.binds.set('effects', effects.join(walk.t('explain.list-separator')));
  const summary = fillFirst(node.summary ?? [], walk.binds, walk.t) ?? fill(node.meaning, walk.binds, walk.t) ?? node.meaning;
  const contexts = walk.contexts.map((c) => fillWith(walk, c.context, c.value)).filter((c): c is string => c !== undefined);
  return contexts.length === 0 ? summary : walk.t('explain.in-context', { context: contexts.join(walk.t('explain.list-separator')), summary });
}

/** Explains `args` (the words after the program) with a tool's grammar (in the language of the tool's texts and of `t`). */
export function explainWithTool(tool: Tool, program: string, args: readonly string[], recurse: Recurse, t: Translate = english.t): ToolExplanation {
  const walk: Walk = {
    recurse,
    t,
    parts: [{ words: program, meaning: tool.meaning }],
    unknown: [],
    inner: [],
    binds: new Map(Object.entries(tool.defaults ?? {})),
    effects: [],
    contexts: [],
    subcommandPart: undefined,
  };
  let node: CommandNode = tool;
  let options: OptionSpec[] = [...(tool.options ?? [])];
  let positional = 0;
  let optionsEnded = false;
  for (let i = 0; i < args.length; ) {
    const word = args[i] ?? '';
    const positionals = node.positionals ?? [];
    const sub = positional === 0 ? findSubcommand(node, word) : undefined;
    if (sub !== undefined) {
      const merge = walk.subcommandPart === undefined ? undefined : walk.parts[walk.subcommandPart];
      if (merge !== undefined && walk.subcommandPart !== undefined) walk.parts[walk.subcommandPart] = { words: `${merge.words} ${word}`, meaning: sub.meaning };
      else {
        walk.parts.push({ words: word, meaning: sub.meaning });
        walk.subcommandPart = walk.parts.length - 1;
      }
      node = sub;
      options = [...options, ...(sub.options ?? [])];
      for (const [key, value] of Object.entries(sub.defaults ?? {})) walk.binds.set(key, value);
      i++;
      continue;
    }
    const restNow = node.rest !== undefined && positionals.length > 0 && positional >= positionals.length;
    if (restNow && node.rest !== undefined && findKeyword(node.keywords ?? [], args, i) === undefined) {
      takeRest(walk, node.rest, args.slice(i));
      break;
    }
    if (!optionsEnded && word === '--' && options.length > 0) {
      walk.parts.push({ words: word, meaning: t('explain.end-of-options') });
      optionsEnded = true;
      i++;
      continue;
    }
    const option = !optionsEnded && isOptionLike(word) ? matchOption(options, args, i) : undefined;
    if (option !== undefined) {
      addOption(walk, option);
      i += option.consumed;
      continue;
    }
    const keyword = findKeyword(node.keywords ?? [], args, i);
    if (keyword !== undefined) {
      const spec = keyword.spec;
      const valueWord = args[i + keyword.length];
      const hasValue = spec.value !== undefined && (spec.value.optional ? valueFits(spec.value, valueWord) : valueWord !== undefined);
      const length = keyword.length + (hasValue ? 1 : 0);
      addItem(walk, args.slice(i, i + length).join(' '), spec, hasValue ? valueWord : undefined);
      i += length;
      continue;
    }
    while (positionals[positional]?.optional && !valueFits(positionals[positional]?.value ?? { name: '' }, word)) positional++;
    const spec = positionals[positional];
    if (spec !== undefined && valueFits(spec.value, word)) {
      addItem(walk, word, spec, word);
      if (!spec.repeat) positional++;
      i++;
      continue;
    }
    if (node.rest !== undefined) {
      takeRest(walk, node.rest, args.slice(i));
      break;
    }
    walk.parts.push({ words: word, meaning: t('explain.unknown-word') });
    walk.unknown.push(word);
    walk.subcommandPart = undefined;
    i++;
  }
  return { summary: summarize(walk, node), parts: walk.parts, unknown: walk.unknown, inner: walk.inner };
}
