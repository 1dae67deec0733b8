// Shell text → tokens (words, operators, redirections), the way sh reads it, without running anything.

/** A word after quote removal, with where it stands and the command substitutions inside it. */
export interface WordToken {
  readonly kind: 'word';
  /** The word as the command receives it (quotes removed; `$(…)` kept as written). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Source text of each `$(…)` or `` `…` `` inside the word. */
  readonly substitutions: readonly string[];
}

/** A control operator (`;`, `&&`, `||`, `|`, `|&`, `&`, `(`, `)`) or a line end. */
export interface OpToken {
  readonly kind: 'op';
  readonly op: string;
  readonly start: number;
  readonly end: number;
}

/** A redirection operator with its file descriptor: `>`, `2>`, `>>`, `<<EOF` (the target is the next word). */
export interface RedirectToken {
  readonly kind: 'redirect';
  readonly op: string;
  readonly start: number;
  readonly end: number;
}

export type Token = WordToken | OpToken | RedirectToken;

const CONTROL = [';;', '&&', '||', '|&', ';', '&', '|', '(', ')'];
const REDIRECT = ['<<<', '<<-', '<<', '>>', '&>>', '&>', '>&', '<&', '>|', '<>', '>', '<'];
const BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Index just past the `)` that closes the `(` at `open`, skipping quotes and nested parentheses. */
function closingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === "'") i = src.indexOf("'", i + 1) < 0 ? src.length : src.indexOf("'", i + 1);
    else if (c === '"') i = closingQuote(src, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return src.length;
}

/** Index just past the `"` that closes the double quote at `open` (as if one followed the text, when none does). */
function closingQuote(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '"') return i + 1;
    else if (src.startsWith('$(', i)) i = closingParen(src, i + 1) - 1;
  }
  return src.length + 1;
}

/** Index just past the backquote that closes the one at `open`. */
function closingBackquote(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '`') return i + 1;
  }
  return src.length;
}

/** Reads a `$…` expansion at `i`: returns its end and, for `$(…)`, the inner command text. */
function readDollar(src: string, i: number): { end: number; substitution: string | undefined } {
  if (src.startsWith('$((', i)) return { end: closingParen(src, i + 1), substitution: undefined };
  if (src.startsWith('$(', i)) {
    const end = closingParen(src, i + 1);
    return { end, substitution: src.slice(i + 2, end - 1) };
  }
  if (src.startsWith('${', i)) {
    const close = src.indexOf('}', i);
    return { end: close < 0 ? src.length : close + 1, substitution: undefined };
  }
  return { end: i + 1, substitution: undefined };
}

/** Reads one word starting at `start`; returns it and the index after it. */
function readWord(src: string, start: number): WordToken {
  let text = '';
  const substitutions: string[] = [];
  let i = start;
  while (i < src.length && !BREAK.has(src[i] ?? '')) {
    const c = src[i] ?? '';
    if (c === '\\') {
      if (src[i + 1] !== '\n') text += src[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      const end = close < 0 ? src.length : close;
      text += src.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const end = closingQuote(src, i);
      text += readDoubleQuoted(src.slice(i + 1, end - 1), substitutions);
      i = end;
    } else if (c === '$') {
      const { end, substitution } = readDollar(src, i);
      if (substitution !== undefined) substitutions.push(substitution);
      text += src.slice(i, end);
      i = end;
    } else if (c === '`') {
      const end = closingBackquote(src, i);
      substitutions.push(src.slice(i + 1, end - 1));
      text += src.slice(i, end);
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  return { kind: 'word', text, start, end: i, substitutions };
}

/** The value of a double-quoted string's inside, collecting its substitutions. */
function readDoubleQuoted(inner: string, substitutions: string[]): string {
  let text = '';
  for (let i = 0; i < inner.length; ) {
    const c = inner[i] ?? '';
    if (c === '\\' && '$`"\\\n'.includes(inner[i + 1] ?? 'x')) {
      if (inner[i + 1] !== '\n') text += inner[i + 1];
      i += 2;
    } else if (c === '$') {
      const { end, substitution } = readDollar(inner, i);
      if (substitution !== undefined) substitutions.push(substitution);
      text += inner.slice(i, end);
      i = end;
    } else if (c === '`') {
      const end = closingBackquote(inner, i);
      substitutions.push(inner.slice(i + 1, end - 1));
      text += inner.slice(i, end);
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  return text;
}

/** Index just past a here-document's body that starts at `from` and ends at a line equal to `delimiter`. */
function skipHeredoc(src: string, from: number, delimiter: string, stripTabs: boolean): number {
  let i = from;
  while (i < src.length) {
    const nl = src.indexOf('\n', i);
    const lineEnd = nl < 0 ? src.length : nl;
    const line = src.slice(i, lineEnd);
    i = lineEnd + 1;
    if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) return Math.min(i, src.length);
  }
  return src.length;
}

/** Splits shell text into tokens; comments, line continuations and here-document bodies are dropped. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === ' ' || c === '\t') i++;
    else if (c === '\\' && src[i + 1] === '\n') i += 2;
    else if (c === '#') i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (c === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
      i++;
      for (const h of heredocs.splice(0)) i = skipHeredoc(src, i, h.delimiter, h.stripTabs);
    } else {
      const fd = /^\d+(?=[<>])/.exec(src.slice(i))?.[0] ?? '';
      const redirect = REDIRECT.find((op) => src.startsWith(op, i + fd.length));
      const control = CONTROL.find((op) => src.startsWith(op, i));
      if (redirect !== undefined) {
        const end = i + fd.length + redirect.length;
        tokens.push({ kind: 'redirect', op: fd + redirect, start: i, end });
        i = end;
        if (redirect.startsWith('<<') && redirect !== '<<<') {
          while (src[i] === ' ' || src[i] === '\t') i++;
          const delimiter = readWord(src, i);
          heredocs.push({ delimiter: delimiter.text, stripTabs: redirect === '<<-' });
        }
      } else if (control !== undefined) {
        tokens.push({ kind: 'op', op: control, start: i, end: i + control.length });
        i += control.length;
      } else {
        const word = readWord(src, i);
        tokens.push(word);
        i = word.end;
      }
    }
  }
  return tokens;
}
