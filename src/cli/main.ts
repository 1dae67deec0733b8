// steplab's command line: dispatch to a command; our own errors become a message and a hint, never a stack trace.

import { stat } from 'node:fs/promises';
import { isSteplabError } from '../errors.ts';
import { parseCommandLine } from './args.ts';
import { helpText } from './help.ts';
import { english, type Translate } from '../i18n/index.ts';
import { cliTranslator } from './lang.ts';
import { processIo, type Io } from './io.ts';

const COMMANDS = new Set(['run', 'verify', 'lint', 'topology', 'doctor', 'progress', 'reset', 'init', 'merge-junit', 'help']);


/** Run steplab with argv (without node and script); resolves with the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  // English until the command line is read: an error in it is told in English.
  let t: Translate = english.t;
  try {
    const parsed = parseCommandLine(argv);
    const { options } = parsed;
    t = cliTranslator(options.lang, io.env).t;
    // `steplab PATH`: a course folder (or a lesson file) to learn from, as `steplab run PATH`.
    const asPath = parsed.command !== undefined && !COMMANDS.has(parsed.command) && (await isPath(parsed.command));
    const command = asPath ? undefined : parsed.command;
    const positionals = asPath && parsed.command !== undefined ? [parsed.command, ...parsed.positionals] : parsed.positionals;
    if (options.help || command === 'help') {
      io.stdout.write(helpText(command === 'help' ? positionals[0] : command, t));
      return 0;
    }
    if (options.version) {
      io.stdout.write('steplab 0.1.0\n');
      return 0;
    }
    switch (command) {
      case undefined:
        return await (await import('./commands/run.ts')).runCommand(positionals, options, io, 'steplab');
      case 'run':
        return await (await import('./commands/run.ts')).runCommand(positionals, options, io);
      case 'progress':
        return await (await import('./commands/progress.ts')).progressCommand(positionals, options, io);
      case 'reset':
        return await (await import('./commands/progress.ts')).resetCommand(positionals, options, io);
      case 'verify':
        return await (await import('./commands/verify.ts')).verifyCommand(positionals, options, io);
      case 'lint':
        return await (await import('./commands/lint-all.ts')).lintAllCommand(positionals, options, io);
      case 'topology':
        return await (await import('./commands/topology.ts')).topologyCommand(positionals, options, io);
      case 'init':
        return await (await import('./commands/init.ts')).initCommand(positionals, io);
      case 'merge-junit':
        return await (await import('./commands/merge-junit.ts')).mergeJunitCommand(positionals, options, io);
      case 'doctor':
        return await (await import('./commands/doctor.ts')).doctorCommand(options, io);
      default:
        io.stderr.write(`${t('cli.unknown-command', { command })}\n\n${helpText(undefined, t)}`);
        return 2;
    }
  } catch (error) {
    if (!isSteplabError(error)) {
      io.stderr.write(`${t('cli.bug', { stack: (error as Error)?.stack ?? String(error) })}\n`);
      return 70;
    }
    io.stderr.write(`steplab: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return 2;
  }
}

/** Whether an argument names a file or folder on disk. */
async function isPath(arg: string): Promise<boolean> {
  try {
    await stat(arg);
    return true;
  } catch {
    return false;
  }
}
