// What the runner tells its listeners: the terminal UI, the plain log, JUnit and JSON are all reporters of these.

import type { CheckResult } from '../assert/types.ts';
import type { Change } from '../diff/types.ts';
import type { Check, CommandBlock, Lesson, Step } from '../lesson/types.ts';
import type { ShellResult } from '../sandbox/types.ts';

/** How one block of commands went. `ok` is false when the status differs from `{exit=N}` or the block timed out. */
export interface BlockOutcome extends ShellResult {
  readonly block: CommandBlock;
  readonly ok: boolean;
}

export interface CheckOutcome {
  readonly check: Check;
  readonly result: CheckResult;
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

/**
 * When checks ran: `before-solution` (verify proves a challenge starts unsolved), `after` (the step's
 * verdict), `attempt` (the learner's own try at a challenge that did not pass yet: the controller shows
 * it in the learner's terms, so reporters should not quote the expected rules).
 */
export type CheckPhase = 'before-solution' | 'after' | 'attempt';

export interface StepOutcome {
  readonly step: Step;
  readonly status: StepStatus;
  readonly blocks: readonly BlockOutcome[];
  readonly checks: readonly CheckOutcome[];
  /** For a challenge under verify: the checks evaluated before the solution ran (they must all fail). */
  readonly checksBefore: readonly CheckOutcome[];
  /** What changed in the kernel during the step, in plain words. */
  readonly changes: readonly Change[];
  /** Why the step failed, in one sentence; undefined when it passed. */
  readonly reason: string | undefined;
  readonly durationMs: number;
  /** The learner pressed Ctrl-C while the step's commands ran. */
  readonly interrupted?: boolean;
  /** A step before the one the run started at: replayed to rebuild the lab, not run now (passed: done in an earlier sitting). */
  readonly replayed?: boolean;
  /** verify --keep-going: an earlier step of the lesson failed, so this step ran on a lab that may be off. */
  readonly afterFailure?: boolean;
}

export type LessonStatus = 'passed' | 'failed' | 'quit' | 'broken';

export interface LessonOutcome {
  readonly lesson: Lesson;
  readonly target: string;
  readonly status: LessonStatus;
  readonly steps: readonly StepOutcome[];
  /** For `broken`: the tool's own error (sandbox could not start, …). */
  readonly error: string | undefined;
  readonly durationMs: number;
}

/** Every hook is optional: a reporter listens to what it needs. */
export interface Reporter {
  onLessonStart?(lesson: Lesson, info: { readonly target: string; readonly resumeFrom: number }): void | Promise<void>;
  onSandboxReady?(lesson: Lesson, info: { readonly durationMs: number }): void | Promise<void>;
  onStepStart?(step: Step, lesson: Lesson): void | Promise<void>;
  onBlockStart?(block: CommandBlock, step: Step | undefined): void | Promise<void>;
  onBlockEnd?(outcome: BlockOutcome, step: Step | undefined): void | Promise<void>;
  onCheck?(outcome: CheckOutcome, step: Step, phase: CheckPhase): void | Promise<void>;
  onStepEnd?(outcome: StepOutcome, lesson: Lesson): void | Promise<void>;
  onLessonEnd?(outcome: LessonOutcome): void | Promise<void>;
  /** After every lesson of a run (verify): the whole list. */
  onRunEnd?(outcomes: readonly LessonOutcome[]): void | Promise<void>;
}

/** What the learner chose before a step. */
export type StepDecision = 'run' | 'skip' | 'quit';

/** What the learner chose while working on a challenge (`reset`: rebuild the lab to the step's start, as a workshop's instructor may ask). */
export type ChallengeDecision = 'check' | 'solution' | 'reset' | 'skip' | 'quit';

/** What the learner chose after a step failed or was interrupted: run it again here, rebuild the lab first, skip it or quit. */
export type FailureDecision = 'retry' | 'reset' | 'skip' | 'quit';

/** How many tries of a challenge were checked so far, and the checks of the last one. */
export interface ChallengeAttempt {
  readonly count: number;
  readonly lastChecks: readonly CheckOutcome[];
}

/** Things the UI may offer between steps; all computed from the live sandbox. */
export interface StepTools {
  /** Hand the terminal to an interactive shell in the sandbox; resolves when the learner exits it. */
  openShell(): Promise<void>;
  /** Re-read the kernel's state now. */
  snapshot(): Promise<import('../kernel/types.ts').Snapshot>;
  /** "Let Docker do it": build the step with a real engine in a second lab; the difference, in words. Absent without one. */
  letDocker?(step: Step): Promise<string>;
}

/**
 * How an interactive front end steers a lesson. The runner never prompts: without a controller
 * (verify, CI, no TTY) every step runs and every challenge runs its solution.
 */
export interface Controller {
  /** Before a step with commands to run (not asked for challenges, nor for steps of prose only). */
  beforeStep(step: Step, lesson: Lesson, tools: StepTools): Promise<StepDecision>;
  /** A challenge: the learner works in the sandbox, then asks for the checks, the solution, a skip or quit. */
  challenge(step: Step, lesson: Lesson, tools: StepTools, attempt: ChallengeAttempt): Promise<ChallengeDecision>;
  /** After a step passed: go on or quit (the UI may show changes, topology, explanations, a shell before answering). */
  afterStep(outcome: StepOutcome, lesson: Lesson, tools: StepTools): Promise<'next' | 'quit'>;
  /** After a step failed or was interrupted (Ctrl-C): retry, reset the lab to the step's start, skip or quit. */
  afterFailure(outcome: StepOutcome, lesson: Lesson, tools: StepTools): Promise<FailureDecision>;
}
