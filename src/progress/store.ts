// The learner's progress: which steps of which lesson are done, kept in a versioned JSON file written atomically.

import { isTranslation, originalFile } from '../lesson/translation.ts';
import { readFile, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lesson } from '../lesson/types.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  readonly file: string;
  readonly lessonId: string;
  /** Ids of the steps done, in the order they were done. */
  readonly completedSteps: readonly string[];
  readonly finished: boolean;
  /** ISO 8601. */
  readonly updatedAt: string;
}

export interface ProgressFile {
  readonly version: typeof PROGRESS_VERSION;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

/** What the store needs of a lesson: where it is, its id and, for resuming, its steps' ids in order. */
export type LessonRef = Pick<Lesson, 'file' | 'id'> & { readonly steps: readonly { readonly id: string }[] };

/** Where a lesson stands, for the lesson list. */
export type LessonStanding =
  | { readonly kind: 'new' }
  | { readonly kind: 'in-progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'finished' };

type Env = Readonly<Record<string, string | undefined>>;

/** The folder of progress.json: $STEPLAB_STATE_DIR, else $XDG_STATE_HOME/steplab, else ~/.local/state/steplab. */
export function stateDir(env: Env = process.env, home: string = homedir()): string {
  if (env.STEPLAB_STATE_DIR) return resolve(env.STEPLAB_STATE_DIR);
  if (env.XDG_STATE_HOME) return join(resolve(env.XDG_STATE_HOME), 'steplab');
  return join(home, '.local', 'state', 'steplab');
}

/**
 * A lesson's key: its course (the name of the folder holding it) and its id, so two courses may reuse
 * an id and a course folder may move (or be checked out elsewhere) without losing the learner's progress.
 */
export function progressKey(lesson: Pick<Lesson, 'file' | 'id' | 'lang'>): string {
  // A translation (lessons/zh-CN/03-x.md) shares its original's progress: same course folder, same id.
  const file = isTranslation(lesson) ? originalFile(lesson.file) : lesson.file;
  return `${basename(dirname(resolve(file)))}#${lesson.id}`;
}

/** The key older steplabs used (absolute folder and id); read, then moved to progressKey on the next save. */
export function legacyProgressKey(lesson: Pick<Lesson, 'file' | 'id'>): string {
  return `${dirname(resolve(lesson.file))}#${lesson.id}`;
}

/** Whether a value is a well-formed lesson entry. */
function isLessonProgress(value: unknown): value is LessonProgress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.file === 'string' &&
    typeof v.lessonId === 'string' &&
    Array.isArray(v.completedSteps) &&
    v.completedSteps.every((id) => typeof id === 'string') &&
    typeof v.finished === 'boolean' &&
    typeof v.updatedAt === 'string'
  );
}

type Parsed = { readonly ok: true; readonly file: ProgressFile } | { readonly ok: false; readonly why: string };

/** Check a file's text: our version with only well-formed entries, or why not. */
export function parseProgress(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, why: `it is not valid JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, why: 'it is not a JSON object' };
  const { version, lessons } = data as Record<string, unknown>;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return { ok: false, why: `it was written by a newer steplab (format ${version}; this one reads ${PROGRESS_VERSION})` };
  }
  if (version !== PROGRESS_VERSION) return { ok: false, why: `its version is ${JSON.stringify(version)}, expected ${PROGRESS_VERSION}` };
  if (typeof lessons !== 'object' || lessons === null || Array.isArray(lessons)) return { ok: false, why: '"lessons" is not an object' };
  for (const [key, entry] of Object.entries(lessons)) {
    if (!isLessonProgress(entry)) return { ok: false, why: `the entry ${JSON.stringify(key)} is malformed` };
  }
  return { ok: true, file: { version: PROGRESS_VERSION, lessons: lessons as Record<string, LessonProgress> } };
}

export interface ProgressOptions {
  /** The clock, for updatedAt and the names of set-aside files. */
  readonly now?: () => Date;
}

/** Read progress.json; a missing file is empty progress, a bad one is moved aside with a warning. */
async function readProgress(path: string, now: () => Date): Promise<{ lessons: Record<string, LessonProgress>; warning: string | undefined }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lessons: {}, warning: undefined };
    throw error;
  }
  const parsed = parseProgress(text);
  if (parsed.ok) return { lessons: { ...parsed.file.lessons }, warning: undefined };
  const aside = `${path}.bad-${now().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside);
  const warning = `Your progress file ${path} could not be read because ${parsed.why}. It was moved to ${aside} and steplab starts with no progress; move it back once fixed to restore it.`;
  return { lessons: {}, warning };
}

export class ProgressStore {
  readonly path: string;
  readonly #now: () => Date;
  #lessons: Record<string, LessonProgress>;
  readonly #warnings: string[] = [];

  constructor(path: string, lessons: Record<string, LessonProgress>, options: ProgressOptions = {}) {
    this.path = path;
    this.#lessons = lessons;
    this.#now = options.now ?? (() => new Date());
  }

  /** Things the learner should be told (a progress file that was set aside). */
  get warnings(): readonly string[] {
    return this.#warnings;
  }

  /** Add a warning for the caller to show. */
  addWarning(message: string): void {
    this.#warnings.push(message);
  }

  /** The recorded progress of a lesson, if any. */
  get(lesson: Pick<Lesson, 'file' | 'id'>): LessonProgress | undefined {
    return this.#lessons[progressKey(lesson)] ?? this.#lessons[legacyProgressKey(lesson)];
  }

  /** Ids of the steps of a lesson the learner has done. */
  completed(lesson: Pick<Lesson, 'file' | 'id'>): ReadonlySet<string> {
    return new Set(this.get(lesson)?.completedSteps ?? []);
  }

  /** Record a step as done. */
  async markStep(lesson: Pick<Lesson, 'file' | 'id'>, stepId: string): Promise<void> {
    const entry = this.#entry(lesson);
    if (entry.completedSteps.includes(stepId)) return;
    await this.#save(lesson, { ...entry, completedSteps: [...entry.completedSteps, stepId], updatedAt: this.#stamp() });
  }

  /** Record a lesson as finished. */
  async finish(lesson: Pick<Lesson, 'file' | 'id'>): Promise<void> {
    await this.#save(lesson, { ...this.#entry(lesson), finished: true, updatedAt: this.#stamp() });
  }

  /** Forget a lesson's progress (start over). */
  async reset(lesson: Pick<Lesson, 'file' | 'id'>): Promise<void> {
    await this.#save(lesson, undefined);
  }

  /** Index of the first step not done; the step count when all are done. A step renamed since is not done. */
  resumeIndex(lesson: LessonRef): number {
    const done = new Set(this.get(lesson)?.completedSteps ?? []);
    const index = lesson.steps.findIndex((step) => !done.has(step.id));
    return index === -1 ? lesson.steps.length : index;
  }

  /** Where a lesson stands: new, some steps done, or finished. */
  standing(lesson: LessonRef): LessonStanding {
    const entry = this.get(lesson);
    if (entry === undefined) return { kind: 'new' };
    if (entry.finished) return { kind: 'finished' };
    const ids = new Set(lesson.steps.map((step) => step.id));
    const done = entry.completedSteps.filter((id) => ids.has(id)).length;
    return done === 0 ? { kind: 'new' } : { kind: 'in-progress', done, total: lesson.steps.length };
  }

  /** The entry of a lesson, or a fresh one. */
  #entry(lesson: Pick<Lesson, 'file' | 'id'>): LessonProgress {
    return this.get(lesson) ?? { file: resolve(lesson.file), lessonId: lesson.id, completedSteps: [], finished: false, updatedAt: this.#stamp() };
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  /** Set (or delete) one lesson's entry on top of what is on disk now, so another steplab's lessons survive. */
  async #save(lesson: Pick<Lesson, 'file' | 'id'>, entry: LessonProgress | undefined): Promise<void> {
    const key = progressKey(lesson);
    const current = await readProgress(this.path, this.#now);
    if (current.warning !== undefined) this.addWarning(current.warning);
    const lessons = current.warning === undefined ? { ...this.#lessons, ...current.lessons } : { ...this.#lessons };
    delete lessons[legacyProgressKey(lesson)];
    if (entry === undefined) delete lessons[key];
    else lessons[key] = { ...entry, file: resolve(lesson.file) };
    const file: ProgressFile = { version: PROGRESS_VERSION, lessons };
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
    this.#lessons = lessons;
  }
}

/** Open the learner's progress from `dir` (default: stateDir()); check `store.warnings` for a file set aside. */
export async function loadProgress(dir?: string, options: ProgressOptions = {}): Promise<ProgressStore> {
  const path = join(dir ?? stateDir(), 'progress.json');
  const now = options.now ?? (() => new Date());
  const { lessons, warning } = await readProgress(path, now);
  const store = new ProgressStore(path, lessons, options);
  if (warning !== undefined) store.addWarning(warning);
  return store;
}
