// `steplab lint PATH…`: prints every problem in the lessons as `file:line:col: severity: message`.

import { formatProblem } from '../../lesson/lint.ts';
import { lintPaths } from '../../course/lint-paths.ts';
import type { LintRule } from '../../lesson/lint.ts';
import { english, type Translate } from '../../i18n/index.ts';

export interface LintOutput {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Lints the paths; returns 1 when any error was found, else 0. Never prints a stack trace. */
export async function lintCommand(paths: readonly string[], out: LintOutput, extraRules: readonly LintRule[] = [], t: Translate = english.t): Promise<number> {
  if (paths.length === 0) {
    out.stderr.write(`${t('lint.name-lessons')}\n`);
    return 1;
  }
  let problems;
  try {
    problems = await lintPaths(paths, extraRules, t);
  } catch (error) {
    out.stderr.write(`${t('lint.could-not-check', { reason: error instanceof Error ? error.message : String(error) })}\n`);
    return 1;
  }
  for (const problem of problems) out.stdout.write(`${formatProblem(problem)}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  out.stdout.write(`${summary(errors, warnings, t)}\n`);
  return errors > 0 ? 1 : 0;
}

/** The closing line: `2 errors, 1 warning` or `no problems found`; `file:line:col: severity:` stays English for editors and CI to match. */
function summary(errors: number, warnings: number, t: Translate): string {
  if (errors + warnings === 0) return t('lint.no-problems');
  return t('lint.summary', { errors: t('lint.errors', { count: errors }), warnings: t('lint.warnings', { count: warnings }) });
}
