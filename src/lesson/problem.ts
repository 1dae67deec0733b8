// How a problem in a lesson file reads on the terminal. Apart from lint.ts, so that a command that only reports
// problems (the lesson picker) does not load the lint rules and yaml with it.

import type { Problem } from './types.ts';

/** `file:line:col: severity: message`; a problem with a whole path (line 0) leaves out line and column. */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${where}: ${p.severity}: ${p.message}`;
}
