import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_AGE_MS, PARSER_LIBRARIES, buildParseCache, noParseCache, parseCacheIn, parserLibraries } from '../../../src/course/parse-cache.ts';
import { loadCourse } from '../../../src/course/load.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { english, translator } from '../../../src/i18n/index.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(repo, 'test/fixtures');
const lesson = (title: string): string => `---\nformat: 1\nid: cached\ntitle: ${title}\n---\n## Step\n\n\`\`\`sh\nip link\n\`\`\`\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steplab-parse-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The one entry in the cache folder, read back. */
async function theEntry(): Promise<{ path: string; stored: { key: Record<string, string>; result: ReturnType<typeof parseLesson> } }> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.v8'));
  expect(names).toHaveLength(1);
  const path = join(dir, names[0] as string);
  return { path, stored: deserialize(await readFile(path)) };
}

/** Make the entry answer with another title, to tell an answer from the cache from a fresh parse. */
async function doctorEntry(title: string): Promise<void> {
  const { path, stored } = await theEntry();
  const result = { ...stored.result, lesson: { ...stored.result.lesson!, title } };
  await writeFile(path, serialize({ key: stored.key, result }));
}

describe('the cache of parsed lessons', () => {
  it('answers a file parsed before under the same key from the cache', async () => {
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    expect((await cache.parse(lesson('First'), 'l/01.md', english.t)).lesson?.title).toBe('First');
    await doctorEntry('From the cache');
    expect((await cache.parse(lesson('First'), 'l/01.md', english.t)).lesson?.title).toBe('From the cache');
  });

  it('parses afresh when the text changed, and keeps the new parse', async () => {
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    await cache.parse(lesson('First'), 'l/01.md', english.t);
    await doctorEntry('From the cache');
    expect((await cache.parse(lesson('Second'), 'l/01.md', english.t)).lesson?.title).toBe('Second');
    expect((await theEntry()).stored.result.lesson?.title).toBe('Second');
  });

  it('parses afresh for another build, other parser libraries or another path', async () => {
    await parseCacheIn(dir, 'build-1', 'marked@1 yaml@1').parse(lesson('First'), 'l/01.md', english.t);
    await doctorEntry('From the cache');
    expect((await parseCacheIn(dir, 'build-2', 'marked@1 yaml@1').parse(lesson('First'), 'l/01.md', english.t)).lesson?.title).toBe('First');
    await doctorEntry('From the cache');
    expect((await parseCacheIn(dir, 'build-2', 'marked@2 yaml@1').parse(lesson('First'), 'l/01.md', english.t)).lesson?.title).toBe('First');
    await doctorEntry('From the cache');
    const elsewhere = await parseCacheIn(dir, 'build-2', 'marked@2 yaml@1').parse(lesson('First'), 'other/01.md', english.t);
    expect(elsewhere.lesson).toMatchObject({ title: 'First', file: 'other/01.md' });
  });

  it('keeps the messages of each language apart', async () => {
    const broken = '---\nformat: 1\nid: broken\n---\n## Step\n\n```check\nno such check\n```\n';
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    const inEnglish = await cache.parse(broken, 'l/01.md', english.t);
    const inChinese = await cache.parse(broken, 'l/01.md', translator('zh-CN').t);
    expect(inChinese.problems).toEqual(parseLesson(broken, 'l/01.md', translator('zh-CN').t).problems);
    expect(inChinese.problems).not.toEqual(inEnglish.problems);
    expect(await cache.parse(broken, 'l/01.md', english.t)).toEqual(inEnglish);
  });

  it('treats an entry it cannot read as missing, and replaces it', async () => {
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    await cache.parse(lesson('First'), 'l/01.md', english.t);
    const { path } = await theEntry();
    await writeFile(path, 'not what the cache writes');
    expect((await cache.parse(lesson('First'), 'l/01.md', english.t)).lesson?.title).toBe('First');
    expect((await theEntry()).stored.result.lesson?.title).toBe('First');
  });

  it('is no cache for a translator of its own, which has no language to key by', async () => {
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    const own = ((...args: unknown[]) => (english.t as (...a: unknown[]) => string)(...args)) as unknown as typeof english.t;
    await cache.parse(lesson('First'), 'l/01.md', own);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the entries written more than a month ago when it writes one, and keeps the others', async () => {
    const day = 24 * 60 * 60 * 1000;
    const clock = Date.now();
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1', () => clock);
    await parseCacheIn(dir, 'build-1', 'marked@1 yaml@1').parse(lesson('Old'), 'old/01.md', english.t);
    const [old] = await readdir(dir);
    await utimes(join(dir, old!), new Date(clock - MAX_AGE_MS - day), new Date(clock - MAX_AGE_MS - day));
    await parseCacheIn(dir, 'build-1', 'marked@1 yaml@1').parse(lesson('Recent'), 'recent/01.md', english.t);
    const recent = (await readdir(dir)).find((name) => name !== old);
    await utimes(join(dir, recent!), new Date(clock - MAX_AGE_MS + day), new Date(clock - MAX_AGE_MS + day));
    await cache.parse(lesson('New'), 'new/01.md', english.t);
    const left = await readdir(dir);
    expect(left).toHaveLength(2);
    expect(left).toContain(recent);
    expect(left).not.toContain(old);
  });

  it('is no cache for a folder it cannot write', async () => {
    await writeFile(join(dir, 'a-file'), '');
    const cache = parseCacheIn(join(dir, 'a-file', 'lessons'), 'build-1', 'marked@1 yaml@1');
    expect((await cache.parse(lesson('First'), 'l/01.md', english.t)).lesson?.title).toBe('First');
  });

  it('gives back exactly what the parser gave, for every shipped lesson and fixture', async () => {
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    const files = (await readdir(repo, { recursive: true })).filter((f) => /^(lessons|test\/fixtures)\/.*\.md$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = await readFile(join(repo, file), 'utf8');
      const fresh = parseLesson(text, file);
      expect(await cache.parse(text, file, english.t), file).toStrictEqual(fresh);
      expect(await cache.parse(text, file, english.t), file).toStrictEqual(fresh);
    }
  });

  it('makes loadCourse report the same problems and lessons as without it', async () => {
    const cache = parseCacheIn(dir, 'build-1', 'marked@1 yaml@1');
    for (const path of ['lessons/duplicate-id', 'lessons/bad-assertion.md', 'lessons/unclosed-fence.md', 'course']) {
      const plain = await loadCourse([join(fixtures, path)], english.t, noParseCache);
      await loadCourse([join(fixtures, path)], english.t, cache);
      expect(await loadCourse([join(fixtures, path)], english.t, cache), path).toStrictEqual(plain);
    }
  });

  it('makes loadCourse read a lesson file changed since the last run afresh', async () => {
    const cache = parseCacheIn(join(dir, 'cache'), 'build-1', 'marked@1 yaml@1');
    const file = join(dir, '01-cached.md');
    await writeFile(file, lesson('Before'));
    expect((await loadCourse([dir], english.t, cache)).lessons.map((l) => l.title)).toEqual(['Before']);
    await writeFile(file, lesson('After'));
    expect((await loadCourse([dir], english.t, cache)).lessons.map((l) => l.title)).toEqual(['After']);
  });

  it('is not used by the sources, which have no build id', async () => {
    expect(await buildParseCache()).toBe(noParseCache);
  });

  it('knows every library the parser imports, and reads their versions', async () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const walk = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await readFile(file, 'utf8');
      for (const [, spec] of text.matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm)) {
        if (spec!.startsWith('.')) await walk(join(file, '..', spec!));
        else if (!spec!.startsWith('node:')) bare.add(spec!);
      }
    };
    await walk(join(repo, 'src/lesson/parse.ts'));
    expect(seen.size, [...seen].map((f) => relative(repo, f)).join(' ')).toBeGreaterThan(5);
    expect([...bare].sort()).toEqual([...PARSER_LIBRARIES].sort());
    expect(await parserLibraries()).toMatch(/^marked@\d+\.\d+\.\d+\S* yaml@\d+\.\d+\.\d+\S*$/);
  });
});
