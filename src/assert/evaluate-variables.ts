// Checks that name the lesson shell's variables: filled in before evaluating, and an unset one said plainly.

import type { Assertion, CheckResult } from './types.ts';
import { assertionVariables, expandAssertion, shellReferences, unsetMessage, type LessonVariables } from './variables.ts';
import { english, type Translate } from '../i18n/index.ts';

/** What evaluating needs to read the lesson's variables (absent: no lesson shell, every variable is unset). */
export interface VariablesContext {
  variables?(names: readonly string[]): Promise<LessonVariables>;
}

/** The assertion with `$NAME`s filled in, or a failed check saying which variable is unset or unfit. */
export async function fillVariables(assertion: Assertion, ctx: VariablesContext, t: Translate = english.t): Promise<Assertion | CheckResult> {
  const names = assertionVariables(assertion);
  if (names.length === 0) return assertion;
  const vars = (await ctx.variables?.(names)) ?? new Map<string, string>();
  const expanded = expandAssertion(assertion, vars, t);
  return 'problem' in expanded ? { passed: false, message: expanded.problem } : expanded.assertion;
}

/** A failed `sh` check whose command uses variables the lesson's shell never set says so (the likely cause). */
export async function noteUnsetVariables(result: CheckResult, a: Extract<Assertion, { kind: 'sh' }>, ctx: VariablesContext, t: Translate = english.t): Promise<CheckResult> {
  const names = shellReferences(a.command);
  if (result.passed || names.length === 0) return result;
  const vars = (await ctx.variables?.(names)) ?? new Map<string, string>();
  const unset = names.filter((n) => !vars.has(n));
  return unset.length === 0 ? result : { passed: false, message: t('assert.with-note', { message: result.message, note: unsetMessage(unset, t) }) };
}
