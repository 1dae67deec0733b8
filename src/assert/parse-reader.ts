// A cursor over an assertion's tokens that knows how to say what it expected, and where.

import type { AssertionSyntaxError } from './types.ts';
import type { Token } from './parse-tokens.ts';
import { english, type Translate } from '../i18n/index.ts';

/** Thrown inside the grammar only; parseAssertion turns it back into a value. */
export class SyntaxFailure extends Error {
  readonly error: AssertionSyntaxError;

  constructor(error: AssertionSyntaxError) {
    super(error.message);
    this.error = error;
  }
}

/** `"a", "b" or "c"`. */
export function quoteList(words: readonly string[], t: Translate = english.t): string {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : t('lint.check-or', { list: quoted.slice(0, -1).join(', '), last: quoted[quoted.length - 1] ?? '' });
}

/** Walks the tokens of one line, failing with "expected X after "…"" messages. */
export class Reader {
  readonly #line: string;
  /** The words of this reader's messages. */
  readonly t: Translate;
  readonly #tokens: readonly Token[];
  #index = 0;

  constructor(line: string, tokens: readonly Token[], t: Translate = english.t) {
    this.#line = line;
    this.t = t;
    this.#tokens = tokens;
  }

  /** The next token, not taken. */
  peek(): Token | undefined {
    return this.#tokens[this.#index];
  }

  /** Takes the next token when it is one of these bare words; returns the word taken. */
  accept(...words: readonly string[]): string | undefined {
    const token = this.peek();
    if (token?.kind !== 'word' || !words.includes(token.text)) return undefined;
    this.#index++;
    return token.text;
  }

  /** Takes the next token when it is one of these words, else fails naming them. */
  expect(...words: readonly string[]): string {
    return this.accept(...words) ?? this.fail(quoteList(words, this.t));
  }

  /** Takes the next token whatever it is, or fails with `expected <what>`. */
  take(what: string, kind: Token['kind'] = 'word'): Token {
    const token = this.peek();
    if (token?.kind !== kind) this.fail(what);
    this.#index++;
    return token;
  }

  /** What the line holds up to the last token taken. */
  consumed(): string {
    const last = this.#tokens[this.#index - 1];
    return last === undefined ? '' : this.#line.slice(0, last.end - 1).trim();
  }

  /** Fails at the next token (or the end of the line), saying what was expected instead. */
  fail(expected: string): never {
    const token = this.peek();
    const consumed = this.consumed();
    const message = token === undefined ? this.t('lint.check-expected', { expected, consumed }) : this.t('lint.check-expected-found', { expected, consumed, found: token.raw });
    throw new SyntaxFailure({ column: token?.column ?? this.#endColumn(), message });
  }

  /** Fails at a column inside a token with a message of its own. */
  failAt(token: Token, offset: number, message: string): never {
    throw new SyntaxFailure({ column: token.column + offset, message });
  }

  /** Fails when anything is left on the line. */
  end(): void {
    const token = this.peek();
    if (token === undefined) return;
    const message = this.t('lint.check-trailing', { found: token.raw, consumed: this.consumed() });
    throw new SyntaxFailure({ column: token.column, message });
  }

  /** The column just past the line's last character. */
  #endColumn(): number {
    return this.#line.trimEnd().length + 1;
  }
}
