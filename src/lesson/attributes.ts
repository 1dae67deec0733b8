// Reads a fenced block's opening line: the block word (`sh`, `check`, …) and its `{attributes}`.

import { didYouMean } from '../util/did-you-mean.ts';
import { parseDuration } from './duration.ts';
import { english, type Translate } from '../i18n/index.ts';

/** The info-string words steplab reads; any other word is an illustration. */
export const BLOCK_WORDS = ['sh', 'check', 'hint', 'solution', 'setup', 'cleanup', 'docker'] as const;
export type BlockWord = (typeof BLOCK_WORDS)[number];

/** The attributes each block word accepts. */
const ALLOWED: Readonly<Record<BlockWord, readonly string[]>> = {
  sh: ['timeout', 'background', 'exit', 'ready'],
  solution: ['timeout', 'exit'],
  setup: ['timeout'],
  cleanup: ['timeout'],
  docker: ['timeout', 'background', 'exit', 'ready', 'daemon'],
  check: [],
  hint: [],
};

export interface BlockAttributes {
  readonly timeoutMs: number | undefined;
  readonly background: boolean;
  readonly exit: number;
  /** `{background ready="TEXT"}`: the block counts as started once its output shows TEXT (absent: at once). */
  readonly ready?: string;
  /** docker `{daemon="--icc=false"}`: the engine runs with these dockerd options from this step on. */
  readonly daemon?: readonly string[];
}

/** A problem inside an opening fence line; columns count from 1. */
export interface LineProblem {
  readonly column: number;
  readonly message: string;
}

/** The opening fence line split into its parts, with the column where each starts. */
export interface FenceInfo {
  /** The fence itself, e.g. ``` or ~~~~. */
  readonly fence: string;
  /** The info string's first word ('' when there is none). */
  readonly word: string;
  readonly wordColumn: number;
  /** What follows the word, untrimmed. */
  readonly rest: string;
  readonly restColumn: number;
}

/** Whether a word is one steplab reads. */
export function isBlockWord(word: string): word is BlockWord {
  return (BLOCK_WORDS as readonly string[]).includes(word);
}

/** Splits an opening fence line (up to 3 spaces, a fence, an info string). */
export function readFenceLine(line: string): FenceInfo | undefined {
  const match = /^( {0,3})(`{3,}|~{3,})(\s*)([^\s{]*)(.*)$/.exec(line);
  if (match === null) return undefined;
  const [, indent = '', fence = '', gap = '', word = '', rest = ''] = match;
  const wordColumn = indent.length + fence.length + gap.length + 1;
  return { fence, word, wordColumn, rest, restColumn: wordColumn + word.length };
}

/** The attributes after a block word, e.g. ` {background timeout=5s}`, checked against what the word allows. */
export function parseAttributes(
  word: BlockWord,
  rest: string,
  restColumn: number,
  t: Translate = english.t,
): { readonly attributes: BlockAttributes; readonly problems: readonly LineProblem[] } {
  const problems: LineProblem[] = [];
  const found = new Map<string, { value: string | undefined; column: number }>();
  const lead = rest.length - rest.trimStart().length;
  const body = rest.trim();
  const open = restColumn + lead;
  if (body !== '') {
    if (!body.startsWith('{')) {
      problems.push({ column: open, message: t('lint.attr-unexpected', { text: body, word, advice: example(word, t) }) });
    } else {
      const close = body.indexOf('}');
      if (close < 0) {
        problems.push({ column: open, message: t('lint.attr-unclosed', { brace: '{', word, close: '}' }) });
      } else {
        const after = body.slice(close + 1).trim();
        if (after !== '') {
          problems.push({ column: open + body.indexOf(after, close + 1), message: t('lint.attr-after', { text: after, close: '}' }) });
        }
        readItems(body.slice(1, close), open + 1, word, found, problems, t);
      }
    }
  }
  return { attributes: toAttributes(word, found, problems, t), problems };
}

/** Collects `name` and `name=value` items separated by spaces or commas. */
function readItems(
  text: string,
  column: number,
  word: BlockWord,
  found: Map<string, { value: string | undefined; column: number }>,
  problems: LineProblem[],
  t: Translate,
): void {
  const allowed = ALLOWED[word];
  // A value may be quoted to hold spaces and commas: ready="listening on".
  for (const item of text.matchAll(/[^\s,=]*(?:=(?:"[^"]*"?|[^\s,]*))?/g)) {
    if (item[0] === '') continue;
    const at = column + item.index;
    const eq = item[0].indexOf('=');
    const name = eq < 0 ? item[0] : item[0].slice(0, eq);
    const value = eq < 0 ? undefined : item[0].slice(eq + 1).replace(/^"(.*)"$/, '$1');
    if (!allowed.includes(name)) {
      const takes = allowed.length === 0 ? t('lint.attr-none', { word }) : t('lint.attr-takes', { word, names: listWords(allowed, t) });
      problems.push({ column: at, message: t('lint.attr-unknown', { name, word, suggestion: didYouMean(name, allowed, t), takes }) });
    } else if (found.has(name)) {
      problems.push({ column: at, message: t('lint.attr-twice', { name }) });
    } else {
      found.set(name, { value, column: at });
    }
  }
}

/** Checks each attribute's value and builds the typed attributes. */
function toAttributes(
  word: BlockWord,
  found: ReadonlyMap<string, { value: string | undefined; column: number }>,
  problems: LineProblem[],
  t: Translate,
): BlockAttributes {
  let timeoutMs: number | undefined;
  let background = false;
  let exit = 0;
  const timeout = found.get('timeout');
  if (timeout !== undefined) {
    const parsed = timeout.value === undefined ? { error: t('lint.attr-timeout-value') } : parseDuration(timeout.value, t);
    if ('ms' in parsed) timeoutMs = parsed.ms;
    else problems.push({ column: timeout.column, message: timeout.value === undefined ? parsed.error : t('lint.attr-timeout', { error: parsed.error }) });
  }
  const bg = found.get('background');
  if (bg !== undefined) {
    if (bg.value !== undefined) problems.push({ column: bg.column, message: t('lint.attr-background-value', { example: '{background}' }) });
    else background = true;
  }
  const status = found.get('exit');
  if (status !== undefined) {
    if (status.value === undefined || !/^\d{1,3}$/.test(status.value) || Number(status.value) > 255) {
      problems.push({ column: status.column, message: t('lint.attr-exit-value', { got: status.value === undefined ? t('lint.attr-exit-nothing') : `"${status.value}"` }) });
    } else if (background) {
      problems.push({ column: status.column, message: t('lint.attr-exit-background', { background: '{background}', value: status.value }) });
    } else {
      exit = Number(status.value);
    }
  }
  const ready = found.get('ready');
  let readyText: string | undefined;
  if (ready !== undefined) {
    if (ready.value === undefined || ready.value === '' || ready.value === '"') {
      problems.push({ column: ready.column, message: t('lint.attr-ready-empty') });
    } else if (ready.value.startsWith('"')) {
      problems.push({ column: ready.column, message: t('lint.attr-ready-quote') });
    } else if (!background) {
      problems.push({ column: ready.column, message: t('lint.attr-ready-background', { background: '{background}', example: 'sh {background ready="listening on"}' }) });
    } else {
      readyText = ready.value;
    }
  }
  const daemon = daemonOptions(found.get('daemon'), problems, t);
  return { timeoutMs, background, exit, ...(readyText === undefined ? {} : { ready: readyText }), ...(daemon === undefined ? {} : { daemon }) };
}

/** `daemon="--icc=false --ip-forward=true"`: dockerd options, each one word starting with "--". */
function daemonOptions(found: { value: string | undefined; column: number } | undefined, problems: LineProblem[], t: Translate): readonly string[] | undefined {
  if (found === undefined) return undefined;
  const words = (found.value ?? '').split(/\s+/).filter((w) => w !== '');
  if (found.value?.startsWith('"')) {
    problems.push({ column: found.column, message: t('lint.attr-daemon-quote') });
  } else if (words.length === 0) {
    problems.push({ column: found.column, message: t('lint.attr-daemon-empty') });
  } else if (words.some((w) => !w.startsWith('--'))) {
    const bad = words.find((w) => !w.startsWith('--')) ?? '';
    problems.push({ column: found.column, message: t('lint.attr-daemon-bad', { option: bad }) });
  } else {
    return words;
  }
  return undefined;
}

/** What may follow a block word, with an example. */
function example(word: BlockWord, t: Translate): string {
  if (ALLOWED[word].length === 0) return t('lint.attr-none', { word });
  return t('lint.attr-example', { example: `${word} {${ALLOWED[word].includes('exit') ? 'exit=1' : 'timeout=5s'}}` });
}

/** `a, b and c`. */
function listWords(words: readonly string[], t: Translate): string {
  return words.length <= 1 ? (words[0] ?? '') : t('lint.attr-and', { list: words.slice(0, -1).join(', '), last: words[words.length - 1] ?? '' });
}
