// `steplab run LESSON`, `steplab [COURSE]`: a learner steps through a lesson in a fresh sandbox, at a terminal.

import { formatProblem } from '../../lesson/lint.ts';
import type { Lesson } from '../../lesson/types.ts';
import { loadProgress, type ProgressStore } from '../../progress/store.ts';
import { TerminalReporter } from '../../report/terminal.ts';
import type { LessonOutcome } from '../../run/events.ts';
import { runLesson } from '../../run/runner.ts';
import { DockerComparison } from '../../oracle/compare.ts';
import { engineChoice } from '../../oracle/engine.ts';
import { startSandbox } from '../../sandbox/sandbox.ts';
import type { Target } from '../../target/types.ts';
import { renderAscii } from '../../topology/index.ts';
import { SteplabError } from '../../errors.ts';
import type { Options } from '../args.ts';
import type { Io } from '../io.ts';
import { inLanguage, resolveNamed, stepIndex } from '../lesson-ref.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';
import { ClackController } from '../ui/controller.ts';
import { isCI } from '../ui/io.ts';
import { chooseStart, pickLesson } from '../ui/picker.ts';
import { explainStep } from '../explain-step.ts';
import { english, type Translate, type Translator } from '../../i18n/index.ts';
import { cliTranslator } from '../lang.ts';

/** Why steplab cannot ask the learner anything here, or undefined when it can. */
export function notInteractiveReason(io: Io, t: Translate = english.t): string | undefined {
  if (isCI(io.env)) return t('run.why-ci');
  if (io.stdin.isTTY !== true) return t('run.why-stdin');
  if (io.stdout.isTTY !== true) return t('run.why-stdout');
  return undefined;
}

/** Run one lesson, or pick from the course when none is named; returns the exit code. */
export async function runCommand(positionals: readonly string[], options: Options, io: Io, name = 'run'): Promise<number> {
  const translator = cliTranslator(options.lang, io.env);
  const { t } = translator;
  const why = notInteractiveReason(io, t);
  if (why !== undefined) {
    const what = positionals[0] ?? options.course ?? 'lessons';
    io.stderr.write(`${t('run.not-interactive', { command: name === 'run' ? 'steplab run' : 'steplab', why, what })}\n`);
    return 2;
  }
  const named = await inLanguage(await resolveNamed(positionals[0], options.course, io), translator.lang);
  const { course } = named;
  const errors = course.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) io.stderr.write(`${formatProblem(p)}\n`);
    io.stderr.write(`${t('run.fix-lessons', { count: named.lesson ? 1 : 2 })}\n`);
    return 1;
  }
  if (course.lessons.length === 0) throw new SteplabError('LESSON_NOT_FOUND', `no lessons in ${named.where}`, 'Name a lesson file, or a folder of files like 01-namespaces.md.');
  if (options.step !== undefined && named.lesson === undefined) throw new SteplabError('USAGE', '--step needs a lesson', 'Name the lesson too: steplab run LESSON --step N.');
  const progress = await loadProgress(io.env.STEPLAB_STATE_DIR);
  for (const warning of progress.warnings) io.stderr.write(`${warning}\n`);
  const ui = { input: io.stdin, output: io.stdout, translator };

  // Where to start the named lesson: --step, --start-over, its saved progress, or the learner's choice when it is done.
  let start: { from: number; startOver: boolean } | undefined;
  if (named.lesson !== undefined) {
    const lesson = named.lesson;
    const standing = progress.standing(lesson);
    if (options.step !== undefined) start = { from: stepIndex(lesson, options.step), startOver: false };
    else if (options['start-over']) start = { from: 0, startOver: true };
    else if (standing.kind === 'finished') {
      const choice = await chooseStart(lesson, standing, progress, ui);
      if (choice === 'quit' || choice === 'back') return 0;
      start = choice;
    } else start = { from: progress.resumeIndex(lesson), startOver: false };
  }

  const target = await openTarget(parseTargetChoice(options.target), (line) => io.stderr.write(`${line}\n`));
  try {
    if (named.lesson !== undefined && start !== undefined) {
      if (start.startOver) await progress.reset(named.lesson);
      const outcome = await learn(named.lesson, target, progress, options, io, start.from, translator);
      return outcome.status === 'passed' || outcome.status === 'quit' ? 0 : 1;
    }
    for (;;) {
      const pick = await pickLesson(course.lessons, progress, ui);
      if (pick.kind === 'quit') return 0;
      if (pick.startOver) await progress.reset(pick.lesson);
      await learn(pick.lesson, target, progress, options, io, pick.from, translator);
    }
  } finally {
    await target.dispose();
  }
}

/** Route the terminal's Ctrl-C to the running step instead of ending steplab; returns how to stop. */
function ctrlC(listener: () => void): () => void {
  process.on('SIGINT', listener);
  return () => process.off('SIGINT', listener);
}

/** One lesson from step `from` (the steps before are replayed), saving progress as the learner passes steps. */
async function learn(lesson: Lesson, target: Target, progress: ProgressStore, options: Options, io: Io, from: number, translator: Translator): Promise<LessonOutcome> {
  const controller = new ClackController({ input: io.stdin, output: io.stdout, topology: (s) => renderAscii(s, { width: Math.min(io.stdout.columns ?? 80, 120) }), explainStep, translator });
  // "Let Docker do it" after a step with a docker block: made on first use, its image removed with the lesson.
  const docker = new DockerComparison(target, engineChoice(options.engine));
  const outcome = await runLesson(lesson, {
    letDocker: (l, step, learner) => docker.compare(l, step, learner, Math.min(io.stdout.columns ?? 80, 120) - 4),
    target: target.name,
    startSandbox: (l) => startSandbox(target, { world: l.world }),
    reporters: [new TerminalReporter({ stream: io.stdout, translator })],
    controller,
    resumeFrom: from,
    done: progress.completed(lesson),
    interrupts: ctrlC,
    changes: !options['no-changes'],
    openShell: async (sandbox) => {
      if (!target.interactive) throw new SteplabError('TARGET_UNAVAILABLE', `the ${target.name} target cannot open an interactive shell`);
      io.stdout.write(`\n${translator.t('run.shell')}\n`);
      await target.interactive(sandbox.interactiveArgv());
    },
    onStepPassed: (step) => progress.markStep(lesson, step.id),
  }).finally(() => docker.dispose());
  // Finished means every step done by the learner, in this sitting or an earlier one; replayed steps do not count.
  const done = progress.completed(lesson);
  if (outcome.status === 'passed' && lesson.steps.every((s) => done.has(s.id))) await progress.finish(lesson);
  if (outcome.status === 'broken' && outcome.error) io.stderr.write(`\n${outcome.error}\n`);
  return outcome;
}
