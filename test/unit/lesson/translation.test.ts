import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/course/load.ts';
import { lintPaths } from '../../../src/course/lint-paths.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { compareTranslation, fingerprint, freshness, isTranslation, originalFile, translationFile } from '../../../src/lesson/translation.ts';
import type { Lesson } from '../../../src/lesson/types.ts';
import { translator } from '../../../src/i18n/index.ts';

const DIR = new URL('../../fixtures/translation/', import.meta.url).pathname;
const ORIGINAL = join(DIR, '01-two-namespaces.md');
const TRANSLATION = join(DIR, 'zh-CN/01-two-namespaces.md');
const englishText = await readFile(ORIGINAL, 'utf8');
const chineseText = await readFile(TRANSLATION, 'utf8');

/** Parse a text that must parse. */
function parse(text: string, file: string): Lesson {
  const { lesson, problems } = parseLesson(text, file);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (lesson === undefined) throw new Error('no lesson');
  return lesson;
}

const original = parse(englishText, 'lessons/01-two-namespaces.md');
/** The translation's problems against the original after an edit of its text: `line message`. */
function differences(edit: (text: string) => string): string[] {
  const translation = parse(edit(chineseText), 'lessons/zh-CN/01-two-namespaces.md');
  return compareTranslation(translation, original).map((p) => `${p.line} ${p.message}`);
}

describe('where translations live', () => {
  it('is a non-English lesson in a folder named by its language', () => {
    expect(isTranslation({ file: 'lessons/zh-CN/03-x.md', lang: 'zh-CN' })).toBe(true);
    expect(isTranslation({ file: 'lessons/03-x.md', lang: 'zh-CN' })).toBe(false);
    expect(isTranslation({ file: 'lessons/zh-CN/03-x.md', lang: 'en' })).toBe(false);
    expect(originalFile('lessons/zh-CN/03-x.md')).toBe('lessons/03-x.md');
    expect(translationFile('lessons/03-x.md', 'zh-CN')).toBe('lessons/zh-CN/03-x.md');
  });
});

describe('compareTranslation', () => {
  it('finds nothing in a faithful translation', () => {
    expect(differences((t) => t)).toEqual([]);
  });

  it('lets prose, titles and hints differ', () => {
    expect(differences((t) => t.replace('在 red 中启用 `lo`。', '换一种说法。').replace('`ip -n red link set lo up`\n```', '看看 ip link 的帮助。\n```').replace('## 把它们连起来', '## 连接'))).toEqual([]);
  });

  it('reports a changed block at its line, with the original\'s line to copy from', () => {
    expect(differences((t) => t.replace('ip netns add blue', 'ip netns add blue2'))).toEqual([
      '20 the 1st sh block of step {#create-two-namespaces} differs from the original\'s (its code) at lessons/01-two-namespaces.md:18; copy it byte for byte: only prose, titles and hints are translated',
    ]);
    expect(differences((t) => t.replace('```solution', '```solution {timeout=5s}'))).toEqual([
      '57 the 1st solution block of step {#your-turn-bring-up-loopback} differs from the original\'s (its attributes) at lessons/01-two-namespaces.md:55; copy it byte for byte: only prose, titles and hints are translated',
    ]);
  });

  it('reports a check that differs, and a missing block', () => {
    expect(differences((t) => t.replace('ping 10.0.0.2 from red succeeds', 'ping 10.0.0.2 from red fails'))).toEqual([
      '46 step {#connect-them} has "ping 10.0.0.2 from red fails" where the original has "ping 10.0.0.2 from red succeeds" (lessons/01-two-namespaces.md:44); the checks of a translation are its original\'s, byte for byte',
    ]);
    expect(differences((t) => t.replace('```sh\nip netns add red\nip netns add blue\n```\n', ''))).toEqual([
      '16 step {#create-two-namespaces} has 0 sh blocks, the original 1 (lessons/01-two-namespaces.md:18); copy them from there',
    ]);
  });

  it('reports steps missing, unknown or out of order', () => {
    expect(differences((t) => t.replace('{#connect-them}', '{#connect}'))).toEqual([
      '30 step "把它们连起来" has the id "connect", which no step of the original (lessons/01-two-namespaces.md) has; end its heading with the original step\'s id, e.g. "## 把它们连起来 {#connect-them}"',
      '49 the original\'s step "Connect them" (lessons/01-two-namespaces.md:28) is missing; translate it under a heading ending in {#connect-them}',
    ]);
    const swapped = (t: string): string => {
      const a = t.indexOf('## 创建两个命名空间');
      const b = t.indexOf('## 把它们连起来');
      const c = t.indexOf('## 轮到你了');
      return t.slice(0, a) + t.slice(b, c) + t.slice(a, b) + t.slice(c);
    };
    expect(differences(swapped)[0]).toBe('16 the steps are not in the original\'s order (lessons/01-two-namespaces.md): it has create-two-namespaces, connect-them, your-turn-bring-up-loopback; put them in that order');
  });

  it('reports an id, requires or world that is not the original\'s, at its front-matter line', () => {
    const translation = parse(chineseText.replace('id: two-namespaces', 'id: 两个命名空间').replace('world: none', 'world: internet'), 'lessons/zh-CN/01-two-namespaces.md');
    const text = chineseText;
    const lines = (key: string) => ({ line: text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1, column: key.length + 3 });
    expect(compareTranslation(translation, original, lines).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:5 id "两个命名空间" is not the original\'s "two-namespaces" (lessons/01-two-namespaces.md); a translation keeps its original\'s id, so they share progress',
      '9:8 world differs from the original\'s (lessons/01-two-namespaces.md); a translation keeps world as it is: "none"',
    ]);
  });
});

describe('in Chinese', () => {
  it('tells a translator what differs in Chinese, under LANG=zh_CN.UTF-8 or --lang zh-CN', () => {
    const translation = parse(chineseText.replace('ip netns add blue', 'ip netns add blue2'), 'lessons/zh-CN/01-two-namespaces.md');
    expect(compareTranslation(translation, original, undefined, translator('zh-CN').t).map((p) => p.message)).toEqual([
      '步骤 {#create-two-namespaces} 的第 1 个 sh 代码块与原文（lessons/01-two-namespaces.md:18）不同（代码）；请逐字节复制：只翻译正文、标题和提示',
    ]);
  });
});

describe('fingerprint and freshness', () => {
  it('changes with a block or a check, not with prose', () => {
    const now = fingerprint(original);
    expect(now).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint(parse(englishText.replace('Each namespace has its own interfaces', 'Every namespace holds its own interfaces'), 'a.md'))).toBe(now);
    expect(fingerprint(parse(englishText.replace('ip netns add blue', 'ip netns add green'), 'a.md'))).not.toBe(now);
    expect(fingerprint(parse(englishText.replace('link lo in red is up', 'link lo in red is down'), 'a.md'))).not.toBe(now);
  });

  it('flags a translation made from an older original, saying what to do', () => {
    const translation = parse(chineseText, 'lessons/zh-CN/01-two-namespaces.md');
    expect(freshness(translation, original)).toBeUndefined();
    const changed = parse(englishText.replace('ip netns add blue', 'ip netns add green'), 'lessons/01-two-namespaces.md');
    const now = fingerprint(changed);
    expect(freshness(translation, changed)?.message).toBe(
      `translated from an older lessons/01-two-namespaces.md: its steps, blocks or checks changed since (translated-from ${translation.translatedFrom}, now ${now}); see what changed with \`git log -p lessons/01-two-namespaces.md\`, bring the translation's prose and blocks up to date, then write "translated-from: ${now}"`,
    );
  });
});

describe('lint on a course with translations', () => {
  it('compares a translation with its original even when only the translations are named', async () => {
    expect(await lintPaths([join(DIR, 'zh-CN')])).toEqual([]);
    expect(await lintPaths([DIR, join(DIR, 'zh-CN')])).toEqual([]);
  });

  it('lints a course folder\'s translations with it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'steplab-translation-'));
    await mkdir(join(root, 'zh-CN'));
    await mkdir(join(root, 'not-a-language'));
    await writeFile(join(root, '01-two-namespaces.md'), englishText);
    await writeFile(join(root, 'zh-CN', '01-two-namespaces.md'), chineseText.replace('ip netns add blue', 'ip netns add green'));
    await writeFile(join(root, 'not-a-language', '01-x.md'), 'not a lesson');
    expect((await lintPaths([root])).map((p) => `${p.file.slice(root.length + 1)}:${p.line}`)).toEqual(['zh-CN/01-two-namespaces.md:20']);
  });

  it('lets a lesson and its translation share an id in one course', async () => {
    const course = await loadCourse([DIR, join(DIR, 'zh-CN')]);
    expect(course.problems).toEqual([]);
    expect(course.lessons.map((l) => [l.id, l.lang])).toEqual([['two-namespaces', 'en'], ['two-namespaces', 'zh-CN']]);
  });

  it('reports a translation whose original is missing or broken, and an edited original', async () => {
    const root = await mkdtemp(join(tmpdir(), 'steplab-translation-'));
    await mkdir(join(root, 'zh-CN'));
    await writeFile(join(root, 'zh-CN', '01-two-namespaces.md'), chineseText);
    await writeFile(join(root, 'zh-CN', '02-orphan.md'), chineseText.replace('id: two-namespaces', 'id: orphan'));
    await writeFile(join(root, '01-two-namespaces.md'), englishText.replace('ip netns add blue', 'ip netns add green'));
    const problems = (await lintPaths([join(root, 'zh-CN')])).map((p) => `${p.file.slice(root.length + 1)}:${p.line}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^zh-CN\/01-two-namespaces.md:7: translated from an older .*01-two-namespaces.md: its steps, blocks or checks changed since/),
      expect.stringMatching(/^zh-CN\/01-two-namespaces.md:20: the 1st sh block of step \{#create-two-namespaces\} differs/),
      expect.stringMatching(/^zh-CN\/02-orphan.md:1: a translation has an original with the same file name one folder up, and .*02-orphan.md does not exist/),
    ]);
    await writeFile(join(root, '01-two-namespaces.md'), englishText.replace('format: 1', 'format: 2'));
    expect((await lintPaths([join(root, 'zh-CN', '01-two-namespaces.md')])).map((p) => p.message)).toEqual([
      expect.stringMatching(/^its original .*01-two-namespaces.md has errors, so this translation cannot be compared with it; fix the original first/),
    ]);
  });
});
