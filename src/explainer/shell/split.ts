// Tokens → simple commands: words, redirections, the operator that follows, and where each stands.

import { tokenize } from './tokenize.ts';

export interface Redirection {
  /** `>`, `2>`, `>>`, `<<`, … */
  readonly op: string;
  readonly target: string;
}

/** One simple command of a shell text. */
export interface SimpleCommand {
  /** Words after quote removal, leading `NAME=value` assignments included. */
  readonly words: readonly string[];
  readonly redirections: readonly Redirection[];
  /** Source text of the `$(…)` substitutions inside its words, in order. */
  readonly substitutions: readonly string[];
  /** The command as written. */
  readonly text: string;
  /** From 0, relative to the start of the text. */
  readonly line: number;
  readonly column: number;
  /** The control operator after it; undefined at a line end or the end of the text. */
  readonly operator: string | undefined;
}

/** Line and column (from 0) of an offset in a text. */
function position(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length - 1, column: offset - lastNewline - 1 };
}

/** Splits shell text into its simple commands, in the order written. */
export function splitCommands(src: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let redirections: Redirection[] = [];
  let substitutions: string[] = [];
  let start = -1;
  let end = -1;
  let pendingRedirect: string | undefined;

  const finish = (operator: string | undefined): void => {
    if (start >= 0 && (words.length > 0 || redirections.length > 0)) {
      const { line, column } = position(src, start);
      commands.push({ words, redirections, substitutions, text: src.slice(start, end), line, column, operator });
    }
    words = [];
    redirections = [];
    substitutions = [];
    start = -1;
    pendingRedirect = undefined;
  };

  for (const token of tokenize(src)) {
    if (token.kind === 'op') {
      finish(token.op === '\n' || token.op === '(' || token.op === ')' ? undefined : token.op);
      continue;
    }
    if (start < 0) start = token.start;
    end = token.end;
    if (token.kind === 'redirect') pendingRedirect = token.op;
    else if (pendingRedirect !== undefined) {
      redirections.push({ op: pendingRedirect, target: token.text });
      substitutions.push(...token.substitutions);
      pendingRedirect = undefined;
    } else {
      words.push(token.text);
      substitutions.push(...token.substitutions);
    }
  }
  finish(undefined);
  return commands;
}
