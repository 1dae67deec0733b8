// `steplab lint PATH…`: prints every problem in the lessons as `file:line:col: severity: message`.

import { formatProblem } from '../../lesson/lint.ts';
import { lintPaths } from '../../course/lint-paths.ts';
import type { LintRule } from '../../lesson/lint.ts';

export interface LintOutput {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Lints the paths; returns 1 when any error was found, else 0. Never prints a stack trace. */
export async function lintCommand(paths: readonly string[], out: LintOutput, extraRules: readonly LintRule[] = []): Promise<number> {
  if (paths.length === 0) {
    out.stderr.write('steplab lint: name the lessons to check, e.g. "steplab lint lessons/" or "steplab lint lessons/01-namespaces.md"\n');
    return 1;
  }
  let problems;
  try {
    problems = await lintPaths(paths, extraRules);
  } catch (error) {
    out.stderr.write(`steplab lint: could not check the lessons: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  for (const problem of problems) out.stdout.write(`${formatProblem(problem)}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  out.stdout.write(`${summary(errors, warnings)}\n`);
  return errors > 0 ? 1 : 0;
}

/** The closing line: `2 errors, 1 warning` or `no problems found`. */
function summary(errors: number, warnings: number): string {
  if (errors + warnings === 0) return 'no problems found';
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}
