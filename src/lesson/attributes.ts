// Reads a fenced block's opening line: the block word (`sh`, `check`, …) and its `{attributes}`.

import { didYouMean } from '../util/did-you-mean.ts';
import { parseDuration } from './duration.ts';

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
): { readonly attributes: BlockAttributes; readonly problems: readonly LineProblem[] } {
  const problems: LineProblem[] = [];
  const found = new Map<string, { value: string | undefined; column: number }>();
  const lead = rest.length - rest.trimStart().length;
  const body = rest.trim();
  const open = restColumn + lead;
  if (body !== '') {
    if (!body.startsWith('{')) {
      problems.push({ column: open, message: `unexpected "${body}" after "${word}"; ${example(word)}` });
    } else {
      const close = body.indexOf('}');
      if (close < 0) {
        problems.push({ column: open, message: `unclosed "{" in the attributes of this ${word} block; end them with "}"` });
      } else {
        const after = body.slice(close + 1).trim();
        if (after !== '') {
          problems.push({ column: open + body.indexOf(after, close + 1), message: `unexpected "${after}" after the attributes; nothing may follow "}"` });
        }
        readItems(body.slice(1, close), open + 1, word, found, problems);
      }
    }
  }
  return { attributes: toAttributes(word, found, problems), problems };
}

/** Collects `name` and `name=value` items separated by spaces or commas. */
function readItems(
  text: string,
  column: number,
  word: BlockWord,
  found: Map<string, { value: string | undefined; column: number }>,
  problems: LineProblem[],
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
      const takes = allowed.length === 0 ? `${word} blocks take no attributes` : `${word} takes ${listWords(allowed)}`;
      problems.push({ column: at, message: `unknown attribute "${name}" on a ${word} block${didYouMean(name, allowed)}; ${takes}` });
    } else if (found.has(name)) {
      problems.push({ column: at, message: `attribute "${name}" is given twice; keep one` });
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
): BlockAttributes {
  let timeoutMs: number | undefined;
  let background = false;
  let exit = 0;
  const timeout = found.get('timeout');
  if (timeout !== undefined) {
    const parsed = timeout.value === undefined ? { error: 'timeout needs a value, e.g. timeout=5s' } : parseDuration(timeout.value);
    if ('ms' in parsed) timeoutMs = parsed.ms;
    else problems.push({ column: timeout.column, message: parsed.error.startsWith('timeout') ? parsed.error : `timeout: ${parsed.error}` });
  }
  const bg = found.get('background');
  if (bg !== undefined) {
    if (bg.value !== undefined) problems.push({ column: bg.column, message: 'background takes no value; write {background}' });
    else background = true;
  }
  const status = found.get('exit');
  if (status !== undefined) {
    if (status.value === undefined || !/^\d{1,3}$/.test(status.value) || Number(status.value) > 255) {
      problems.push({ column: status.column, message: `exit needs a whole number from 0 to 255, e.g. exit=1 (got ${status.value === undefined ? 'nothing' : `"${status.value}"`})` });
    } else if (background) {
      problems.push({ column: status.column, message: `a {background} block keeps running, so it has no exit status; drop exit=${status.value} or background` });
    } else {
      exit = Number(status.value);
    }
  }
  const ready = found.get('ready');
  let readyText: string | undefined;
  if (ready !== undefined) {
    if (ready.value === undefined || ready.value === '' || ready.value === '"') {
      problems.push({ column: ready.column, message: 'ready needs the text that shows the block has started, e.g. ready="listening on"' });
    } else if (ready.value.startsWith('"')) {
      problems.push({ column: ready.column, message: 'the quote after ready= is never closed; write e.g. ready="listening on"' });
    } else if (!background) {
      problems.push({ column: ready.column, message: 'ready= waits for a {background} block to start; add background, e.g. sh {background ready="listening on"}' });
    } else {
      readyText = ready.value;
    }
  }
  const daemon = daemonOptions(found.get('daemon'), problems);
  return { timeoutMs, background, exit, ...(readyText === undefined ? {} : { ready: readyText }), ...(daemon === undefined ? {} : { daemon }) };
}

/** `daemon="--icc=false --ip-forward=true"`: dockerd options, each one word starting with "--". */
function daemonOptions(found: { value: string | undefined; column: number } | undefined, problems: LineProblem[]): readonly string[] | undefined {
  if (found === undefined) return undefined;
  const words = (found.value ?? '').split(/\s+/).filter((w) => w !== '');
  if (found.value?.startsWith('"')) {
    problems.push({ column: found.column, message: 'the quote after daemon= is never closed; write e.g. daemon="--icc=false"' });
  } else if (words.length === 0) {
    problems.push({ column: found.column, message: 'daemon needs the dockerd options the engine runs with, e.g. daemon="--icc=false"' });
  } else if (words.some((w) => !w.startsWith('--'))) {
    const bad = words.find((w) => !w.startsWith('--')) ?? '';
    problems.push({ column: found.column, message: `daemon takes dockerd options written --name=value, e.g. daemon="--icc=false"; "${bad}" is not one` });
  } else {
    return words;
  }
  return undefined;
}

/** What may follow a block word, with an example. */
function example(word: BlockWord): string {
  if (ALLOWED[word].length === 0) return `${word} blocks take no attributes`;
  return `attributes go in braces, e.g. ${word} {${ALLOWED[word].includes('exit') ? 'exit=1' : 'timeout=5s'}}`;
}

/** `a, b and c`. */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
