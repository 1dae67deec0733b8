// A step being read: collects its parts in order, then checks itself and becomes a Step.

import { english, type Translate } from '../i18n/index.ts';
import type { Check, CommandBlock, Hint, Problem, Step, StepPart } from './types.ts';

/** The mutable parts of a step while the parser walks its tokens. */
export interface StepDraft {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly line: number;
  readonly body: StepPart[];
  readonly commands: CommandBlock[];
  readonly checks: Check[];
  readonly hints: Hint[];
  readonly solution: CommandBlock[];
  readonly setup: CommandBlock[];
  readonly cleanup: CommandBlock[];
  readonly docker: CommandBlock[];
  /** Assertion lines written in check blocks, good or bad. */
  checkLines: number;
}

/** An empty draft for the step that a level-2 heading opens. */
export function newStepDraft(index: number, id: string, title: string, line: number): StepDraft {
  return { index, id, title, line, body: [], commands: [], checks: [], hints: [], solution: [], setup: [], cleanup: [], docker: [], checkLines: 0 };
}

/** The finished Step, plus what is wrong with it as a whole (a challenge without checks, an unused solution). */
export function finishStep(draft: StepDraft, file: string, t: Translate = english.t): { readonly step: Step; readonly problems: Problem[] } {
  const problems: Problem[] = [];
  const challenge = draft.solution.length > 0 && draft.commands.length === 0;
  const at = { file, line: draft.line, column: 1 };
  if (challenge && draft.checkLines === 0) {
    problems.push({
      ...at,
      severity: 'error',
      message: t('lint.challenge-no-checks', { title: draft.title }),
    });
  }
  if (draft.solution.length > 0 && draft.commands.length > 0) {
    const first = draft.solution[0];
    problems.push({
      file,
      line: first?.line ?? draft.line,
      column: 1,
      severity: 'warning',
      message: t('lint.solution-unused', { title: draft.title }),
    });
  }
  const { checkLines: _unused, ...rest } = draft;
  return { step: { ...rest, challenge }, problems };
}
