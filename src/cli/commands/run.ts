// `steplab run LESSON`, `steplab [COURSE]`: a learner steps through a lesson in a fresh sandbox, at a terminal.

// What a lesson needs beyond the picker (the runner, the sandbox, execa, the explainer) loads from learn.ts
// once the picker is on screen: the first screen waits only for the course and the progress.
import { formatProblem } from '../../lesson/problem.ts';
import { loadProgress } from '../../progress/store.ts';
import type { Target } from '../../target/types.ts';
import { SteplabError } from '../../errors.ts';
import type { Options } from '../args.ts';
import type { Io } from '../io.ts';
import { inLanguage, resolveNamed, stepIndex } from '../lesson-ref.ts';
import { parseTargetChoice } from '../targets.ts';
import { isCI } from '../ui/io.ts';
import { chooseStart, pickLesson } from '../ui/picker.ts';
import { english, type Translate, type Translator } from '../../i18n/index.ts';
import { openRoomLink, type RoomLink } from '../room-link.ts';
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
  const room = await openRoomLink(options, io);
  try {
    return await runIn(positionals, options, io, room, translator);
  } finally {
    await room?.close();
  }
}

/** runCommand once the room (if any) is joined: its course is the one to learn from. */
async function runIn(positionals: readonly string[], options: Options, io: Io, room: RoomLink | undefined, translator: Translator): Promise<number> {
  const { t } = translator;
  const named = await inLanguage(await resolveNamed(positionals[0], room?.joined.courseDir ?? options.course, io, t), translator.lang);
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

  const choice = parseTargetChoice(options.target);
  // The rest of steplab loads once the picker is drawn (it draws synchronously), while the learner reads it.
  let loading: Promise<typeof import('./learn.ts')> | undefined;
  const load = (): Promise<typeof import('./learn.ts')> => (loading ??= import('./learn.ts'));
  // Nothing is waited for before the picker: the target opens once a lesson is chosen.
  let target: Target | undefined;
  const open = async (): Promise<{ target: Target; learn: (typeof import('./learn.ts'))['learn'] }> => {
    const { learn, openTarget } = await load();
    target ??= await openTarget(choice, (line) => io.stderr.write(`${line}\n`));
    return { target, learn };
  };
  try {
    if (named.lesson !== undefined && start !== undefined) {
      if (start.startOver) await progress.reset(named.lesson);
      const { target: opened, learn } = await open();
      const outcome = await learn(named.lesson, opened, progress, options, io, start.from, translator, room);
      return outcome.status === 'passed' || outcome.status === 'quit' ? 0 : 1;
    }
    for (;;) {
      const picking = pickLesson(course.lessons, progress, ui);
      void load().catch(() => {});
      const pick = await picking;
      if (pick.kind === 'quit') return 0;
      if (pick.startOver) await progress.reset(pick.lesson);
      const { target: opened, learn } = await open();
      await learn(pick.lesson, opened, progress, options, io, pick.from, translator, room);
    }
  } finally {
    await target?.dispose();
  }
}
