// Splits one assertion line into words, "quoted strings" and /regexes/, each with its column.

import type { AssertionSyntaxError } from './types.ts';
import { english, type Translate } from '../i18n/index.ts';

export interface Token {
  readonly kind: 'word' | 'string' | 'regex';
  /** The value: a word as written, a string without quotes and escapes, a regex's pattern. */
  readonly text: string;
  /** The token exactly as written. */
  readonly raw: string;
  /** Regex flags (only for kind 'regex'). */
  readonly flags: string;
  /** Column (from 1) of the token's first character. */
  readonly column: number;
  /** Column just past the token's last character. */
  readonly end: number;
}

/** The tokens of a line; a `#` that starts a token begins a comment running to the end. */
export function tokenize(line: string, t: Translate = english.t): Token[] | AssertionSyntaxError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '#') break;
    const read = char === '"' ? readString(line, i, t) : char === '/' ? readRegex(line, i, t) : readWord(line, i);
    if ('message' in read) return read;
    const next = line[read.end - 1];
    if (read.kind !== 'word' && next !== undefined && !/\s/.test(next)) {
      return { column: read.end, message: t('lint.check-space', { token: read.raw, next }) };
    }
    tokens.push(read);
    i = read.end - 1;
  }
  return tokens;
}

/** A bare word: everything up to the next space. */
function readWord(line: string, start: number): Token {
  let end = start;
  while (end < line.length && !/\s/.test(line[end] ?? '')) end++;
  const raw = line.slice(start, end);
  return { kind: 'word', text: raw, raw, flags: '', column: start + 1, end: end + 1 };
}

/** A double-quoted string; `\"` stands for a quote and `\\` for a backslash. */
function readString(line: string, start: number, t: Translate): Token | AssertionSyntaxError {
  let text = '';
  let i = start + 1;
  while (i < line.length) {
    const char = line[i] ?? '';
    if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
      text += line[i + 1];
      i += 2;
      continue;
    }
    if (char === '"') {
      return { kind: 'string', text, raw: line.slice(start, i + 1), flags: '', column: start + 1, end: i + 2 };
    }
    text += char;
    i++;
  }
  return { column: start + 1, message: t('lint.check-unclosed-quote') };
}

/** A `/pattern/flags` regex; `\/` and `[/]` keep a slash inside the pattern. */
function readRegex(line: string, start: number, t: Translate): Token | AssertionSyntaxError {
  let i = start + 1;
  let inClass = false;
  while (i < line.length) {
    const char = line[i];
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) {
      let end = i + 1;
      while (end < line.length && /[a-z]/i.test(line[end] ?? '')) end++;
      const flags = line.slice(i + 1, end);
      return { kind: 'regex', text: line.slice(start + 1, i), raw: line.slice(start, end), flags, column: start + 1, end: end + 1 };
    }
    i++;
  }
  return { column: start + 1, message: t('lint.check-unclosed-regex') };
}
