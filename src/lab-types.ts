// Types every layer speaks of, kept in a leaf module so that lesson, assert, kernel and sandbox need not import each other.

/** The lab around a lesson's host: the simulated internet, or a bare host. */
export type World = 'internet' | 'none';

/** The result of running shell code: a failure is the same shape as a success (execa's way). */
export interface ShellResult {
  readonly exitCode: number;
  /** stdout and stderr merged, in the order written. */
  readonly output: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** For a failed block: the line of the block (1-based) whose command failed; 0 when unknown. */
  readonly failedLine?: number;
}

/** Where the lesson's shell leaves its variables after each block (NAME=VALUE lines; see sandbox/scripts/shell.sh). */
export const LESSON_VARIABLES_FILE = '/run/steplab/lesson-vars.sh';
