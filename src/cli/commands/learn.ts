// One lesson at a terminal: the runner with the learner's controller, progress saved as steps pass. Loaded by
// run.ts once the picker is on screen, so the first screen does not wait for the runner, execa or the explainer.

import type { Lesson } from '../../lesson/types.ts';
import type { ProgressStore } from '../../progress/store.ts';
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
import { ClackController } from '../ui/controller.ts';
import { explainStep } from '../explain-step.ts';
import type { Translator } from '../../i18n/index.ts';
import type { RoomLink } from '../room-link.ts';

export { openTarget } from '../targets.ts';

/** Route the terminal's Ctrl-C to the running step instead of ending steplab; returns how to stop. */
function ctrlC(listener: () => void): () => void {
  process.on('SIGINT', listener);
  return () => process.off('SIGINT', listener);
}

/** One lesson from step `from` (the steps before are replayed), saving progress as the learner passes steps. */
export async function learn(lesson: Lesson, target: Target, progress: ProgressStore, options: Options, io: Io, from: number, translator: Translator, room: RoomLink | undefined): Promise<LessonOutcome> {
  const controller = new ClackController({ input: io.stdin, output: io.stdout, topology: (s) => renderAscii(s, { width: Math.min(io.stdout.columns ?? 80, 120), t: translator.t }), explainStep: (step) => explainStep(step, translator), translator, ...(room ? { room: room.session } : {}) });
  // "Let Docker do it" after a step with a docker block: made on first use, its image removed with the lesson.
  const docker = new DockerComparison(target, engineChoice(options.engine));
  const outcome = await runLesson(lesson, {
    t: translator.t,
    letDocker: (l, step, learner) => docker.compare(l, step, learner, Math.min(io.stdout.columns ?? 80, 120) - 4),
    target: target.name,
    startSandbox: (l) => startSandbox(target, { world: l.world }),
    reporters: [new TerminalReporter({ stream: io.stdout, translator }), ...(room ? [room.session.reporter(true)] : [])],
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
