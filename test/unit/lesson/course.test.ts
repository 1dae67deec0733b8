import { describe, expect, it } from 'vitest';
import { assembleCourse, lessonNumber, orderLessonNames, type LoadedFile } from '../../../src/lesson/course.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { locateFrontMatter } from '../../../src/lesson/front-matter.ts';
import { english } from '../../../src/i18n/index.ts';

/** A lesson file as the loader would hand it over, parsed from text. */
function loaded(file: string, text: string): LoadedFile {
  return { file, text, result: parseLesson(text, file) };
}

describe('lesson file order', () => {
  it('reads the numeric prefix', () => {
    expect([lessonNumber('01-a.md'), lessonNumber('10_b.md'), lessonNumber('README.md'), lessonNumber('01-a.txt')]).toEqual([1, 10, undefined, undefined]);
  });

  it('sorts by number, then by name, and leaves unnumbered files out', () => {
    expect(orderLessonNames(['10-ten.md', '2-two.md', 'README.md', '02-b-two.md', '01-one.md', 'notes.txt'])).toEqual(['01-one.md', '02-b-two.md', '2-two.md', '10-ten.md']);
  });
});

describe('assembleCourse', () => {
  const lesson = (id: string, title: string): string => `---\nformat: 1\nid: ${id}\ntitle: ${title}\n---\n## Step\n`;

  it('keeps the problems met finding the files first, then each file\'s parse problems, in load order', () => {
    const missing = { file: 'nope', line: 0, column: 0, severity: 'error' as const, message: 'no such file or folder; check the path' };
    const course = assembleCourse([loaded('a.md', lesson('a', 'A')), loaded('broken.md', '---\nformat: 1\n---\n')], [missing], english.t, locateFrontMatter);
    expect(course.lessons.map((l) => l.id)).toEqual(['a']);
    expect(course.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['nope:0', 'broken.md:1', 'broken.md:1', 'broken.md:4']);
    expect(course.files.map((f) => f.file)).toEqual(['a.md', 'broken.md']);
  });

  it('refuses a lesson id used twice at the second file\'s id line, naming the first file', () => {
    const course = assembleCourse([loaded('01.md', lesson('same', 'First')), loaded('02.md', lesson('same', 'Second'))], [], english.t, locateFrontMatter);
    expect(course.lessons.map((l) => l.title)).toEqual(['First']);
    expect(course.problems).toEqual([{
      file: '02.md', line: 3, column: 5, severity: 'error',
      message: 'lesson id "same" is already used by 01.md; give this lesson an id of its own',
    }]);
  });
});
