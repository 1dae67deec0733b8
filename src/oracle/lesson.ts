// The lesson the oracle runs: each step's `docker` blocks instead of the commands built by hand, judged by the step's own checks.

import type { Assertion } from '../assert/types.ts';
import type { CommandBlock, Lesson, Step } from '../lesson/types.ts';

/** One engine's share of a lesson: the dockerd options it starts with and the lesson it runs. */
export interface OracleRun {
  readonly daemon: readonly string[];
  readonly lesson: Lesson;
}

/** What the oracle makes of a lesson: what it runs, and which steps it judged and which it could not. */
export interface OracleLesson {
  /** The lesson as written. */
  readonly lesson: Lesson;
  /** One run per engine: a new engine starts wherever a docker block asks for other dockerd options. */
  readonly runs: readonly OracleRun[];
  /** Steps whose docker blocks ran and left something to judge: a check about state or traffic, or an expected failure. */
  readonly compared: readonly Step[];
  /** Steps without a docker block, or whose checks are all about the hand-built commands' output: reported as not compared. */
  readonly notCompared: readonly Step[];
}

/** Checks about what the hand-built commands printed say nothing about Docker's state. */
const ABOUT_OUTPUT: ReadonlySet<Assertion['kind']> = new Set(['output-contains', 'output-matches', 'exit-status']);

/**
 * The introduction's docker blocks take the place of its setup blocks (which build by hand what Docker
 * builds); a step with docker blocks runs only those (its setup, sh, solution and cleanup are the hand-built
 * way) and keeps its checks about kernel state and traffic. The lesson's cleanup is left to the lab's end.
 * A step whose docker block sets `daemon="…"` starts a new run: a new engine with those options rebuilds
 * the earlier steps' state from their docker blocks, then runs from that step on.
 */
export function oracleLesson(lesson: Lesson): OracleLesson {
  const runnable = lesson.steps.filter((step) => step.docker.length > 0).map(asDockerStep);
  const compared = lesson.steps.filter((step) => judges(runnable.find((s) => s.index === step.index)));
  const notCompared = lesson.steps.filter((step) => !compared.includes(step));
  const runs: OracleRun[] = [];
  let daemon = daemonOf(lesson.docker) ?? [];
  let start = 0;
  runnable.forEach((step, i) => {
    const options = daemonOf(step.docker);
    if (options === undefined) return;
    if (i > start) runs.push(run(lesson, daemon, runnable.slice(0, start), runnable.slice(start, i)));
    daemon = options;
    start = i;
  });
  if (runnable.length > start || runs.length === 0) runs.push(run(lesson, daemon, runnable.slice(0, start), runnable.slice(start)));
  return { lesson, runs, compared, notCompared };
}

/** The dockerd options and the blocks that rebuild a lesson up to and including a step (for "Let Docker do it"). */
export function dockerBlocksUpTo(lesson: Lesson, step: Step): { readonly daemon: readonly string[]; readonly blocks: readonly CommandBlock[] } {
  const oracle = oracleLesson({ ...lesson, steps: lesson.steps.slice(0, step.index + 1) });
  const last = oracle.runs.at(-1);
  if (last === undefined) return { daemon: [], blocks: lesson.docker };
  return { daemon: last.daemon, blocks: [...last.lesson.setup, ...last.lesson.steps.flatMap((s) => s.commands)] };
}

/** A step as the oracle runs it: its docker blocks in place of its commands, its checks about state only. */
function asDockerStep(step: Step): Step {
  return {
    ...step,
    commands: step.docker,
    checks: step.checks.filter((check) => !ABOUT_OUTPUT.has(check.assertion.kind)),
    setup: [],
    cleanup: [],
    solution: [],
    challenge: false,
  };
}

/** Whether running a step with the engine proves anything: a check is left, or a docker block is meant to fail. */
function judges(step: Step | undefined): boolean {
  return step !== undefined && (step.checks.length > 0 || step.commands.some((block) => block.exit !== 0));
}

/** The dockerd options the first block that names them asks for. */
function daemonOf(blocks: readonly CommandBlock[]): readonly string[] | undefined {
  return blocks.find((block) => block.daemon !== undefined)?.daemon;
}

/**
 * A run of steps with one engine. Earlier steps' docker blocks rebuild their state first, as hidden setup
 * whose exit statuses are not judged again: they were judged under the earlier engine, and other
 * options (--icc=false) may rightly change them. A block run in the background is left as it is.
 */
function run(lesson: Lesson, daemon: readonly string[], before: readonly Step[], steps: readonly Step[]): OracleRun {
  const replay = before.flatMap((step) => step.commands).map((block): CommandBlock => (block.background ? block : { ...block, code: `{\n${block.code}\n} || :`, exit: 0 }));
  const title = daemon.length === 0 ? lesson.title : `${lesson.title} (dockerd ${daemon.join(' ')})`;
  return { daemon, lesson: { ...lesson, title, setup: [...lesson.docker, ...replay], cleanup: [], steps: [...steps] } };
}
