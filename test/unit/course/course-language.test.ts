import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/course/load.ts';
import { courseInLanguage } from '../../../src/course/course-language.ts';
import { progressKey } from '../../../src/progress/store.ts';

const FIXTURE = new URL('../../fixtures/translation/', import.meta.url).pathname;

/** A course of the fixture lesson and a second lesson that has no translation. */
async function course(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'steplab-course-lang-'));
  await cp(FIXTURE, root, { recursive: true });
  const english = await readFile(join(root, '01-two-namespaces.md'), 'utf8');
  await writeFile(join(root, '02-untranslated.md'), english.replace('id: two-namespaces', 'id: untranslated').replace('title: Two namespaces and a cable', 'title: Not translated yet'));
  return root;
}

describe('courseInLanguage', () => {
  it('shows each lesson in the learner\'s language where a translation exists, in English where none does', async () => {
    const root = await course();
    const loaded = await loadCourse([root]);
    const zh = await courseInLanguage(loaded, 'zh-CN');
    expect(zh.lessons.map((l) => [l.title, l.lang])).toEqual([['两个命名空间和一根网线', 'zh-CN'], ['Not translated yet', 'en']]);
    expect((await courseInLanguage(loaded, 'en')).lessons.map((l) => l.title)).toEqual(['Two namespaces and a cable', 'Not translated yet']);
  });

  it('falls back to English for a translation whose blocks are not its original\'s', async () => {
    const root = await course();
    const file = join(root, 'zh-CN', '01-two-namespaces.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('ip netns add blue', 'ip netns add green'));
    const zh = await courseInLanguage(await loadCourse([root]), 'zh-CN');
    expect(zh.lessons.map((l) => l.lang)).toEqual(['en', 'en']);
  });

  it('shares progress between a lesson and its translation', async () => {
    const root = await course();
    const [english] = (await loadCourse([root])).lessons;
    const [chinese] = (await courseInLanguage(await loadCourse([root]), 'zh-CN')).lessons;
    expect(chinese?.file).toMatch(/zh-CN\/01-two-namespaces\.md$/);
    expect(progressKey(chinese!)).toBe(progressKey(english!));
    expect(chinese!.steps.map((s) => s.id)).toEqual(english!.steps.map((s) => s.id));
  });
});
