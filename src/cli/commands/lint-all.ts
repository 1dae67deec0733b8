// `steplab lint`: the lesson rules plus the warning for commands steplab cannot explain.

import { unexplainedCommands } from '../../explainer/lint-rule.ts';
import { coursePaths } from '../course-paths.ts';
import type { Io } from '../io.ts';
import { lintCommand } from './lint.ts';
import type { Options } from '../args.ts';
import { cliTranslator } from '../lang.ts';

/** Lint lessons (default: ./lessons, else the shipped course); returns the exit code. */
export async function lintAllCommand(paths: readonly string[], options: Pick<Options, 'lang'>, io: Io): Promise<number> {
  const { t } = cliTranslator(options.lang, io.env);
  return lintCommand(await coursePaths(paths, io), { stdout: io.stdout, stderr: io.stderr }, [unexplainedCommands], t);
}
