// Parsed lessons kept between runs, so the lesson picker need not parse the course again (a quarter of a second).
// Only a build (dist/) caches: its id (dist/build-id, scripts/build.ts) is part of every key, so the parse of
// one build is never served to another, and the sources (src/, which has no build id) never cache at all.
// An entry is one file per lesson file and language, holding the key it was parsed under and the ParseResult
// (node:v8's structured clone); it is used only when the key matches exactly: this build, the versions of the
// libraries the parser uses, the language of the messages, the path as given and the text (its SHA-256).
// Anything unreadable is a miss: the file is parsed afresh and the entry replaced (written whole, then renamed).
// Entries of files no longer read (a test's temporary course, an old checkout) go after a month: the first write
// of a run removes every entry written more than MAX_AGE_MS ago, so a lesson read daily is parsed once a month.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParseResult } from '../lesson/types.ts';
import { langOfTranslate, type Translate } from '../i18n/index.ts';
import { cacheDir } from '../util/cache-dir.ts';

/** The libraries whose output is part of a parse (test/unit/course/parse-cache.test.ts holds this to lesson/'s imports). */
export const PARSER_LIBRARIES = ['marked', 'yaml'] as const;

/** Parses a lesson file's text, or answers from the cache when this build parsed the same before. */
export interface ParseCache {
  parse(text: string, file: string, t: Translate): Promise<ParseResult>;
}

/** What an entry was parsed under; equal keys mean equal parses. */
interface Key {
  readonly build: string;
  readonly libraries: string;
  readonly lang: string;
  readonly file: string;
  readonly text: string;
}

/** The parser, loaded on the first miss: a run that finds every lesson cached never loads marked or yaml. */
async function parseAfresh(text: string, file: string, t: Translate): Promise<ParseResult> {
  const { parseLesson } = await import('../lesson/parse.ts');
  return parseLesson(text, file, t);
}

/** No cache: every file parsed afresh (the sources, or a cache that cannot be used). */
export const noParseCache: ParseCache = { parse: parseAfresh };

/** How long an entry is kept after it was written. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** A cache in `dir` for the build `build`; `libraries` names the versions of PARSER_LIBRARIES in use. */
export function parseCacheIn(dir: string, build: string, libraries: string, now: () => number = Date.now): ParseCache {
  let pruned: Promise<void> | undefined;
  return {
    async parse(text, file, t) {
      const lang = langOfTranslate(t);
      // A translator of its own (a test's) has no language to key by: never cached.
      if (lang === undefined) return parseAfresh(text, file, t);
      const key: Key = { build, libraries, lang, file, text: sha256(text) };
      const entry = join(dir, `${sha256(`${lang}\0${resolve(file)}`)}.v8`);
      const cached = await readEntry(entry, key);
      if (cached !== undefined) return cached;
      const result = await parseAfresh(text, file, t);
      await (pruned ??= prune(dir, now() - MAX_AGE_MS));
      await writeEntry(entry, key, result);
      return result;
    },
  };
}

/** The cached result when the entry holds this very key, else undefined (missing, unreadable, another key). */
async function readEntry(entry: string, key: Key): Promise<ParseResult | undefined> {
  try {
    const stored = deserialize(await readFile(entry)) as { key: Key; result: ParseResult };
    const same = Object.keys(key).length === Object.keys(stored.key).length && (Object.keys(key) as (keyof Key)[]).every((k) => stored.key[k] === key[k]);
    return same ? stored.result : undefined;
  } catch {
    return undefined;
  }
}

/** Replace an entry whole (a temporary file renamed over it); a cache that cannot be written is no cache, not an error. */
async function writeEntry(entry: string, key: Key, result: ParseResult): Promise<void> {
  const temp = `${entry}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(join(entry, '..'), { recursive: true });
    await writeFile(temp, serialize({ key, result }));
    await rename(temp, entry);
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}

/** Remove the entries (and temporary files left by a crash) written before `before`; best effort. */
async function prune(dir: string, before: number): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  await Promise.all(names.map(async (name) => {
    const path = join(dir, name);
    try {
      if ((await stat(path)).mtimeMs < before) await rm(path, { force: true });
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The versions of the parser's libraries as installed next to this code, e.g. `marked@18.2.1 yaml@2.9.1`. */
export async function parserLibraries(): Promise<string> {
  const require = createRequire(import.meta.url);
  const versions = await Promise.all(PARSER_LIBRARIES.map(async (name) => `${name}@${(JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`));
  return versions.join(' ');
}

/** This build's id (dist/build-id beside dist/course/), or undefined when running the sources, which have none. */
async function buildId(): Promise<string | undefined> {
  try {
    const id = (await readFile(new URL('../build-id', import.meta.url), 'utf8')).trim();
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

let shared: Promise<ParseCache> | undefined;

/** The cache under the user's cache folder when this is a build (dist/) whose libraries' versions can be read; else none. Made once a process. */
export function buildParseCache(): Promise<ParseCache> {
  shared ??= (async () => {
    const build = await buildId();
    const libraries = build === undefined ? undefined : await parserLibraries().catch(() => undefined);
    return build === undefined || libraries === undefined ? noParseCache : parseCacheIn(join(cacheDir(), 'lessons'), build, libraries);
  })();
  return shared;
}
