// `steplab progress [COURSE]` and `steplab reset [LESSON]`: where the learner stands, and forgetting it.

import { loadProgress, type ProgressStore } from '../../progress/store.ts';
import type { Lesson } from '../../lesson/types.ts';
import { SteplabError } from '../../errors.ts';
import type { Options } from '../args.ts';
import type { Io } from '../io.ts';
import { inLanguage, numberOf, resolveNamed } from '../lesson-ref.ts';
import { cliTranslator } from '../lang.ts';
import { english, type Translator } from '../../i18n/index.ts';
import { displayWidth, padEndTo } from '../../util/text-width.ts';

/** `3 hours ago`, `2 days ago`, `just now`: how long since an ISO time. */
export function ago(iso: string, now: Date, translator: Translator = english): string {
  const seconds = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [[86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
  const format = new Intl.RelativeTimeFormat(translator.lang, { numeric: 'always' });
  for (const [size, unit] of units) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return format.format(-n, unit);
  }
  return translator.t('progress.just-now');
}

/** One line a lesson: number, title, and where the learner stands (step N/M, done, not started) and when. */
export function progressLines(lessons: readonly Lesson[], progress: Pick<ProgressStore, 'get' | 'standing' | 'resumeIndex'>, now: Date, translator: Translator = english): string[] {
  const { t } = translator;
  const width = Math.max(...lessons.map((l) => displayWidth(l.title)));
  return lessons.map((lesson) => {
    const entry = progress.get(lesson);
    const standing = progress.standing(lesson);
    const state =
      standing.kind === 'finished' ? t('progress.done')
      : standing.kind === 'in-progress' ? t('progress.step', { number: progress.resumeIndex(lesson) + 1, total: lesson.steps.length })
      : t('progress.not-started');
    const when = entry !== undefined && standing.kind !== 'new' ? t('progress.when', { ago: ago(entry.updatedAt, now, translator) }) : '';
    return `${String(numberOf(lesson) ?? '').padStart(2)}  ${padEndTo(lesson.title, width)}  ${state}${when}`;
  });
}

/** Print the course's lessons with the learner's progress. */
export async function progressCommand(positionals: readonly string[], options: Options, io: Io): Promise<number> {
  const translator = cliTranslator(options.lang, io.env);
  const { course, where } = await inLanguage(await resolveNamed(positionals[0], options.course, io, translator.t), translator.lang);
  if (course.lessons.length === 0) throw new SteplabError('LESSON_NOT_FOUND', `no lessons in ${where}`, 'Name a course folder: steplab progress PATH.');
  const progress = await loadProgress(io.env.STEPLAB_STATE_DIR);
  for (const warning of progress.warnings) io.stderr.write(`${warning}\n`);
  io.stdout.write(`${progressLines(course.lessons, progress, new Date(), translator).join('\n')}\n`);
  return 0;
}

/** Forget the progress of one lesson, or of every lesson of the course. */
export async function resetCommand(positionals: readonly string[], options: Options, io: Io): Promise<number> {
  const { t } = cliTranslator(options.lang, io.env);
  const named = await resolveNamed(positionals[0], options.course, io, t);
  const lessons = named.lesson !== undefined ? [named.lesson] : named.course.lessons;
  if (lessons.length === 0) throw new SteplabError('LESSON_NOT_FOUND', `no lessons in ${named.where}`, 'Name a lesson or a course folder: steplab reset [LESSON].');
  const progress = await loadProgress(io.env.STEPLAB_STATE_DIR);
  let forgotten = 0;
  for (const lesson of lessons) {
    if (progress.get(lesson) === undefined) continue;
    await progress.reset(lesson);
    forgotten += 1;
  }
  const one = named.lesson;
  const said =
    one !== undefined ? t(forgotten === 0 ? 'reset.nothing' : 'reset.one', { what: one.title })
    : t(forgotten === 0 ? 'reset.nothing-all' : 'reset.all', { count: lessons.length, where: named.where });
  io.stdout.write(`${said}\n`);
  return 0;
}
