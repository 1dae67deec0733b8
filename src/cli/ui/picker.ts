// The lesson list of a course with the learner's progress; returns the lesson picked (and whether to start over).

import type { Readable, Writable } from 'node:stream';
import { isCancel, select } from '@clack/prompts';
import { basename } from 'node:path';
import { lessonNumber } from '../../lesson/course.ts';
import type { Lesson } from '../../lesson/types.ts';
import type { LessonStanding, ProgressStore } from '../../progress/store.ts';
import { marks, useUnicode } from '../../report/format.ts';
import { english, type Translate, type Translator } from '../../i18n/index.ts';

/** A lesson and where to start it: `from` is a step index; `startOver` forgets the lesson's progress first. */
export type PickResult =
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly from: number; readonly startOver: boolean }
  | { readonly kind: 'quit' };

/** Where to start a lesson that has progress, or back to the list, or quit. */
export type StartChoice = { readonly from: number; readonly startOver: boolean } | 'back' | 'quit';

export interface PickerOptions {
  readonly input?: Readable;
  readonly output?: Writable;
  readonly unicode?: boolean;
  /** The menu's question; defaults to "Pick a lesson". */
  readonly message?: string;
  /** The language of the menus; English by default. */
  readonly translator?: Translator;
}

type Progress = Pick<ProgressStore, 'standing' | 'resumeIndex' | 'completed'>;

/** Whether a menu shows clack's key help (`↑/↓ to navigate`): it is English only, so only in English. */
export const showsInstructions = (translator: Translator | undefined): boolean => (translator ?? english).lang === 'en';

/** The progress column: ✔ finished, `3/7` in progress, blank when new. */
export function standingLabel(standing: LessonStanding, unicode: boolean): string {
  if (standing.kind === 'finished') return marks(unicode).pass;
  if (standing.kind === 'in-progress') return `${standing.done}/${standing.total}`;
  return '';
}

/** Let the learner pick a lesson; a finished or started one offers to start over. Ctrl-C quits. */
export async function pickLesson(lessons: readonly Lesson[], progress: Progress, options: PickerOptions = {}): Promise<PickResult> {
  const io = { input: options.input, output: options.output, showInstructions: showsInstructions(options.translator) };
  const unicode = options.unicode ?? useUnicode();
  const { t } = options.translator ?? english;
  const standings = lessons.map((lesson) => progress.standing(lesson));
  const width = Math.max(4, ...standings.map((s) => standingLabel(s, unicode).length));
  const firstOpen = standings.findIndex((s) => s.kind !== 'finished');
  const numbers = lessons.map((lesson) => String(lessonNumber(basename(lesson.file)) ?? '').padStart(2));
  const entries = lessons.map((lesson, i) => ({
    value: String(i),
    label: `${numbers[i]}  ${standingLabel(standings[i] ?? { kind: 'new' }, unicode).padEnd(width)}  ${lesson.title}`,
    hint: lesson.summary,
  }));
  for (;;) {
    const picked = await select<string>({
      message: options.message ?? t('picker.title'),
      options: [...entries, { value: 'quit', label: `${''.padEnd(width + 4)}  ${t('picker.quit')}` }],
      initialValue: String(firstOpen === -1 ? 0 : firstOpen),
      ...io,
    });
    if (isCancel(picked) || picked === 'quit') return { kind: 'quit' };
    const lesson = lessons[Number(picked)];
    const standing = standings[Number(picked)];
    if (lesson === undefined || standing === undefined) return { kind: 'quit' };
    if (standing.kind === 'new') return { kind: 'lesson', lesson, from: 0, startOver: false };
    const choice = await chooseStart(lesson, standing, progress, { ...io, back: true, unicode, translator: options.translator });
    if (choice === 'quit') return { kind: 'quit' };
    if (choice !== 'back') return { kind: 'lesson', lesson, ...choice };
  }
}

/**
 * For a lesson with progress: resume (when unfinished), start over, or pick a step (earlier steps are
 * replayed to build the lab); `back` offers a way back to the list.
 */
export async function chooseStart(
  lesson: Lesson,
  standing: LessonStanding,
  progress: Progress,
  options: { input?: Readable; output?: Writable; back?: boolean; unicode?: boolean; translator?: Translator },
): Promise<StartChoice> {
  const io = { input: options.input, output: options.output, showInstructions: showsInstructions(options.translator) };
  const { t } = options.translator ?? english;
  for (;;) {
    const how = await askHowToStart(lesson, standing, progress, io, options.back === true, t);
    if (how === 'quit' || how === 'back') return how;
    if (how === 'resume') return { from: progress.resumeIndex(lesson), startOver: false };
    if (how === 'over') return { from: 0, startOver: true };
    const done = progress.completed(lesson);
    const mark = marks(options.unicode ?? useUnicode()).pass;
    const picked = await select<string>({
      message: t('start.which-step'),
      options: [
        ...lesson.steps.map((step) => ({ value: String(step.index), label: `${String(step.index + 1).padStart(2)}  ${done.has(step.id) ? mark : ' '}  ${step.title}` })),
        { value: 'back', label: `    ${t('start.back')}` },
      ],
      initialValue: String(Math.min(progress.resumeIndex(lesson), lesson.steps.length - 1)),
      ...io,
    });
    if (isCancel(picked)) return 'quit';
    if (picked !== 'back') return { from: Number(picked), startOver: false };
  }
}

/** For a lesson with progress: resume (when unfinished), start over, pick a step, or go back to the list. */
async function askHowToStart(
  lesson: Lesson,
  standing: LessonStanding,
  progress: Progress,
  io: { input?: Readable; output?: Writable; showInstructions: boolean },
  back: boolean,
  t: Translate,
): Promise<'resume' | 'over' | 'step' | 'back' | 'quit'> {
  const options: { value: 'resume' | 'over' | 'step' | 'back' | 'quit'; label: string }[] = [];
  if (standing.kind === 'in-progress') {
    const next = progress.resumeIndex(lesson);
    const step = lesson.steps[next];
    options.push({ value: 'resume', label: step === undefined ? t('start.resume') : t('start.resume-at', { number: next + 1, title: step.title }) });
  }
  options.push({ value: 'over', label: t('start.over') }, { value: 'step', label: t('start.pick-step') });
  options.push(back ? { value: 'back', label: t('start.back-to-list') } : { value: 'quit', label: t('picker.quit') });
  const message = t(standing.kind === 'finished' ? 'start.finished' : 'start.part-way', { title: lesson.title });
  const answer = await select({ message, options, ...io });
  return isCancel(answer) ? 'quit' : answer;
}
