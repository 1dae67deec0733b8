// steplab's command line: dispatch to a command; our own errors become a message and a hint, never a stack trace.

import { isSteplabError } from '../errors.ts';
import { parseCommandLine } from './args.ts';
import { processIo, type Io } from './io.ts';

const HELP = `steplab — learn container networking on a real Linux kernel

Usage:
  steplab                         pick a lesson of ./lessons (else of the course steplab ships) and step through it
  steplab run LESSON.md           step through one lesson (networking/07: lesson 07 of the shipped course)
  steplab verify [PATH…]          run lessons unattended; exit 0 only if all pass
  steplab lint [PATH…]            report problems in lessons as file:line:col
  steplab topology LESSON.md      draw a lesson's network after a step
  steplab doctor                  check what this machine allows
  steplab init [DIR]              start a course of your own: a lesson, a README, a CI workflow
  steplab merge-junit FILE…       join the JUnit files of sharded verify runs (-o FILE, else stdout)

Options:
  -t, --target NAME   sandbox (default) | docker | vagrant | auto
  -j, --jobs N        verify: lessons run in parallel
  -r, --reporter R    verify: plain (default) | junit | json
  -o, --output FILE   verify: where junit/json goes
      --keep-going    verify: run every step after a failure, report every failing check
      --shard K/N     verify: only the K-th of N parts of the lessons (one part per CI job)
      --step N|ID     topology: after which step (default: the last)
  -f, --format F      topology: ascii (default) | dot | mermaid
      --start-over    run: ignore saved progress
      --no-changes    do not record what changed in the kernel at each step
`;

/** Run steplab with argv (without node and script); resolves with the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    const { command, positionals, options } = parseCommandLine(argv);
    if (options.help || command === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      io.stdout.write('steplab 0.1.0\n');
      return 0;
    }
    switch (command) {
      case undefined:
      case 'run':
        return await (await import('./commands/run.ts')).runCommand(positionals, options, io);
      case 'verify':
        return await (await import('./commands/verify.ts')).verifyCommand(positionals, options, io);
      case 'lint':
        return await (await import('./commands/lint-all.ts')).lintAllCommand(positionals, io);
      case 'topology':
        return await (await import('./commands/topology.ts')).topologyCommand(positionals, options, io);
      case 'init':
        return await (await import('./commands/init.ts')).initCommand(positionals, io);
      case 'merge-junit':
        return await (await import('./commands/merge-junit.ts')).mergeJunitCommand(positionals, options, io);
      case 'doctor':
        return await (await import('./commands/doctor.ts')).doctorCommand(options, io);
      default:
        io.stderr.write(`steplab: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (!isSteplabError(error)) {
      io.stderr.write(`steplab hit a bug it did not expect: ${(error as Error)?.stack ?? String(error)}\nPlease report it with the command you ran.\n`);
      return 70;
    }
    io.stderr.write(`steplab: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return 2;
  }
}
