// `steplab run LESSON` and `steplab` alone: a learner steps through a lesson in a fresh sandbox.

import { loadCourse } from '../../lesson/course.ts';
import { formatProblem } from '../../lesson/lint.ts';
import type { Lesson } from '../../lesson/types.ts';
import { loadProgress, type ProgressStore } from '../../progress/store.ts';
import { PlainReporter } from '../../report/plain.ts';
import { TerminalReporter } from '../../report/terminal.ts';
import type { Controller, LessonOutcome, Reporter } from '../../run/events.ts';
import { runLesson } from '../../run/runner.ts';
import { startSandbox } from '../../sandbox/sandbox.ts';
import type { Target } from '../../target/types.ts';
import { renderAscii } from '../../topology/index.ts';
import { SteplabError } from '../../errors.ts';
import type { Options } from '../args.ts';
import { coursePaths } from '../course-paths.ts';
import type { Io } from '../io.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';
import { ClackController } from '../ui/controller.ts';
import { isInteractive } from '../ui/io.ts';
import { pickLesson } from '../ui/picker.ts';
import { explainStep } from '../explain-step.ts';

/** Run one lesson file, or pick from the course when none is named; returns the exit code. */
export async function runCommand(positionals: readonly string[], options: Options, io: Io): Promise<number> {
  const interactive = isInteractive(io.env, io.stdin, io.stdout);
  const named = positionals[0];
  const course = await loadCourse(await coursePaths([named ?? options.course], io));
  const errors = course.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) io.stderr.write(`${formatProblem(p)}\n`);
    io.stderr.write(`Fix the lesson${named ? '' : 's'} above (\`steplab lint\` lists every problem), then run again.\n`);
    return 1;
  }
  if (course.lessons.length === 0) throw new SteplabError('LESSON_NOT_FOUND', `no lessons in ${named ?? options.course ?? 'lessons'}`, 'Name a lesson file, or a folder of files like 01-namespaces.md.');
  const progress = await loadProgress(io.env.STEPLAB_STATE_DIR);
  for (const warning of progress.warnings) io.stderr.write(`${warning}\n`);
  const target = await openTarget(parseTargetChoice(options.target), (line) => io.stderr.write(`${line}\n`));
  try {
    if (named || !interactive) {
      let code = 0;
      for (const lesson of course.lessons) {
        const outcome = await learn(lesson, target, progress, options, io, interactive, options['start-over'] ? 0 : undefined);
        if (outcome.status !== 'passed' && outcome.status !== 'quit') code = 1;
        if (outcome.status === 'quit') break;
      }
      return code;
    }
    for (;;) {
      const pick = await pickLesson(course.lessons, progress, { input: io.stdin, output: io.stdout });
      if (pick.kind === 'quit') return 0;
      if (pick.startOver) await progress.reset(pick.lesson);
      await learn(pick.lesson, target, progress, options, io, true, pick.startOver ? 0 : undefined);
    }
  } finally {
    await target.dispose();
  }
}

/** One lesson, resumed where the learner left it, saving progress as steps pass. */
async function learn(lesson: Lesson, target: Target, progress: ProgressStore, options: Options, io: Io, interactive: boolean, from: number | undefined): Promise<LessonOutcome> {
  const resumeFrom = from ?? (interactive ? progress.resumeIndex(lesson) : 0);
  const reporters: Reporter[] = interactive ? [new TerminalReporter({ stream: io.stdout })] : [new PlainReporter({ stream: io.stdout })];
  const controller: Controller | undefined = interactive
    ? new ClackController({ input: io.stdin, output: io.stdout, topology: (s) => renderAscii(s, { width: Math.min(io.stdout.columns ?? 80, 120) }), explainStep })
    : undefined;
  const outcome = await runLesson(lesson, {
    target: target.name,
    startSandbox: (l) => startSandbox(target, { world: l.world }),
    reporters,
    controller,
    resumeFrom,
    changes: !options['no-changes'],
    openShell: async (sandbox) => {
      if (!target.interactive) throw new SteplabError('TARGET_UNAVAILABLE', `the ${target.name} target cannot open an interactive shell`);
      io.stdout.write('\nA shell in the lab: try things, then type exit to come back.\n');
      await target.interactive(sandbox.interactiveArgv());
    },
    onStepPassed: (step) => progress.markStep(lesson, step.id),
  });
  if (outcome.status === 'passed') await progress.finish(lesson);
  if (outcome.status === 'broken' && outcome.error) io.stderr.write(`\n${outcome.error}\n`);
  return outcome;
}
