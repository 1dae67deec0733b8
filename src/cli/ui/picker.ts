// The lesson list of a course with the learner's progress; returns the lesson picked (and whether to start over).

import type { Readable, Writable } from 'node:stream';
import { isCancel, select } from '@clack/prompts';
import type { Lesson } from '../../lesson/types.ts';
import type { LessonStanding, ProgressStore } from '../../progress/store.ts';
import { marks, useUnicode } from '../../report/format.ts';

export type PickResult =
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly startOver: boolean }
  | { readonly kind: 'quit' };

export interface PickerOptions {
  readonly input?: Readable;
  readonly output?: Writable;
  readonly unicode?: boolean;
  /** The menu's question; defaults to "Pick a lesson". */
  readonly message?: string;
}

type Progress = Pick<ProgressStore, 'standing' | 'resumeIndex'>;

/** The progress column: ✔ finished, `3/7` in progress, blank when new. */
export function standingLabel(standing: LessonStanding, unicode: boolean): string {
  if (standing.kind === 'finished') return marks(unicode).pass;
  if (standing.kind === 'in-progress') return `${standing.done}/${standing.total}`;
  return '';
}

/** Let the learner pick a lesson; a finished or started one offers to start over. Ctrl-C quits. */
export async function pickLesson(lessons: readonly Lesson[], progress: Progress, options: PickerOptions = {}): Promise<PickResult> {
  const io = { input: options.input, output: options.output };
  const unicode = options.unicode ?? useUnicode();
  const standings = lessons.map((lesson) => progress.standing(lesson));
  const width = Math.max(4, ...standings.map((s) => standingLabel(s, unicode).length));
  const firstOpen = standings.findIndex((s) => s.kind !== 'finished');
  const entries = lessons.map((lesson, i) => ({
    value: String(i),
    label: `${standingLabel(standings[i] ?? { kind: 'new' }, unicode).padEnd(width)}  ${lesson.title}`,
    hint: lesson.summary,
  }));
  for (;;) {
    const picked = await select<string>({
      message: options.message ?? 'Pick a lesson',
      options: [...entries, { value: 'quit', label: `${''.padEnd(width)}  Quit` }],
      initialValue: String(firstOpen === -1 ? 0 : firstOpen),
      ...io,
    });
    if (isCancel(picked) || picked === 'quit') return { kind: 'quit' };
    const lesson = lessons[Number(picked)];
    const standing = standings[Number(picked)];
    if (lesson === undefined || standing === undefined) return { kind: 'quit' };
    if (standing.kind === 'new') return { kind: 'lesson', lesson, startOver: false };
    const choice = await askHowToStart(lesson, standing, progress, io);
    if (choice === 'quit') return { kind: 'quit' };
    if (choice !== 'back') return { kind: 'lesson', lesson, startOver: choice === 'over' };
  }
}

/** For a lesson with progress: resume (when unfinished), start over, or go back to the list. */
async function askHowToStart(
  lesson: Lesson,
  standing: LessonStanding,
  progress: Progress,
  io: { input?: Readable; output?: Writable },
): Promise<'resume' | 'over' | 'back' | 'quit'> {
  const options: { value: 'resume' | 'over' | 'back'; label: string }[] = [];
  if (standing.kind === 'in-progress') {
    const next = progress.resumeIndex(lesson);
    const step = lesson.steps[next];
    options.push({ value: 'resume', label: step === undefined ? 'Resume' : `Resume at step ${next + 1}: ${step.title}` });
  }
  options.push({ value: 'over', label: 'Start over from the first step' }, { value: 'back', label: 'Back to the list' });
  const message = standing.kind === 'finished' ? `${lesson.title}: you finished this lesson.` : `${lesson.title}: you are part way through.`;
  const answer = await select({ message, options, ...io });
  return isCancel(answer) ? 'quit' : answer;
}
