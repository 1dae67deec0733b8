// The course as the room hands it out: lesson files by name and text, and its outline for the dashboard.

import { basename, dirname, resolve } from 'node:path';
import type { Course } from '../lesson/course.ts';
import type { OutlineLesson } from './board.ts';

export interface CoursePack {
  /** The course folder's name: learners' progress is kept under it, as for a course on disk. */
  readonly name: string;
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

/** A lesson file name the learner's steplab will write: a plain numbered `.md` name, nothing with a folder in it. */
export const SAFE_FILE = /^[0-9][\w.-]{0,100}\.md$/;
export const SAFE_COURSE = /^[\w.-]{1,100}$/;

/** Pack a loaded course (which must have no errors). */
export function packCourse(course: Course): CoursePack {
  const first = course.files[0]?.file;
  const name = first === undefined ? 'course' : basename(dirname(resolve(first))).replace(/[^\w.-]/g, '-') || 'course';
  return { name, files: course.files.map((f) => ({ name: basename(f.file), text: f.text })) };
}

/** The lessons and their steps' titles. */
export function outline(course: Course): OutlineLesson[] {
  return course.lessons.map((l) => ({ id: l.id, title: l.title, steps: l.steps.map((s) => s.title) }));
}
