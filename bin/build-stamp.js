// Whether dist/ was built from the sources now on disk. scripts/build.ts stats every source (src/'s files and
// folders, the tsconfigs, package.json) before compiling and writes what it saw to dist/build-stamp.json once
// dist/ is complete; bin/steplab.js runs dist/ only while every one of them still has that size and mtime.
// A file edited, added, removed or renamed changes a file's or a folder's mtime, so src/ runs instead.
// Plain JavaScript, so that bin/steplab.js can ask without loading Node's type stripping.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the stamp lives, relative to the checkout. */
export const STAMP = 'dist/build-stamp.json';

/** What dist/ is compiled from, relative to the checkout: besides these files, every file and folder under src/. */
const CONFIG = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** One source as the stamp records it: its path, mtime and size (a folder's size is not compared). */
function entry(root, path) {
  const info = statSync(join(root, path));
  return info.isDirectory() ? [path, info.mtimeMs, -1] : [path, info.mtimeMs, info.size];
}

/** The stamp of the sources as they are now: a fresh build id and every source's entry. */
export function stampSources(root, id) {
  const under = readdirSync(join(root, 'src'), { recursive: true }).map((path) => join('src', path));
  return { id, sources: ['src', ...under.sort(), ...CONFIG].map((path) => entry(root, path)) };
}

/** The stamp of the last complete build, or undefined when there is none or it is unreadable. */
export function readStamp(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
    return typeof stamp?.id === 'string' && Array.isArray(stamp.sources) && stamp.sources.length > 0 ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Whether dist/ is a complete build of the sources on disk: every source stamped is there, unchanged. Stats only (no folder listing): a few ms. */
export function distIsCurrent(root) {
  const stamp = readStamp(root);
  if (stamp === undefined) return false;
  try {
    return stamp.sources.every(([path, mtimeMs, size]) => {
      const now = entry(root, path);
      return now[1] === mtimeMs && now[2] === size;
    });
  } catch {
    return false;
  }
}
