// The lesson the oracle runs: each step's `docker` blocks instead of the commands built by hand, judged by the step's own checks.

import type { Assertion } from '../assert/types.ts';
import type { Lesson, Step } from '../lesson/types.ts';

/** What the oracle makes of a lesson: the lesson it runs and which steps it leaves out. */
export interface OracleLesson {
  readonly lesson: Lesson;
  /** Steps with a docker block: run with the engine and checked. */
  readonly compared: readonly Step[];
  /** Steps without one: not run, not passed, reported as not compared. */
  readonly notCompared: readonly Step[];
}

/** Checks about what the hand-built commands printed say nothing about Docker's state. */
const ABOUT_OUTPUT: ReadonlySet<Assertion['kind']> = new Set(['output-contains', 'output-matches', 'exit-status']);

/**
 * The introduction's docker blocks take the place of its setup blocks (which build by hand what Docker
 * builds); a compared step runs only its docker blocks (its setup, sh, solution and cleanup are the hand-built
 * way) and keeps its checks about kernel state and traffic. The lesson's cleanup is left to the lab's end.
 */
export function oracleLesson(lesson: Lesson): OracleLesson {
  const compared = lesson.steps.filter((step) => step.docker.length > 0);
  const notCompared = lesson.steps.filter((step) => step.docker.length === 0);
  const steps = compared.map((step): Step => ({
    ...step,
    commands: step.docker,
    checks: step.checks.filter((check) => !ABOUT_OUTPUT.has(check.assertion.kind)),
    setup: [],
    cleanup: [],
    solution: [],
    challenge: false,
  }));
  return { lesson: { ...lesson, setup: lesson.docker, cleanup: [], steps }, compared, notCompared };
}
