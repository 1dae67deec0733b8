// `steplab lint`: the lesson rules plus the warning for commands steplab cannot explain.

import { unexplainedCommands } from '../../explainer/lint-rule.ts';
import type { Io } from '../io.ts';
import { lintCommand } from './lint.ts';

/** Lint lessons (default: ./lessons); returns the exit code. */
export function lintAllCommand(paths: readonly string[], io: Io): Promise<number> {
  return lintCommand(paths.length > 0 ? paths : ['lessons'], { stdout: io.stdout, stderr: io.stderr }, [unexplainedCommands]);
}
