// Build the package: compile src/ to dist/ (JavaScript with source maps), then copy the files the code reads
// beside itself (the sandbox's .sh scripts), so dist/ keeps src/'s layout and every
// `new URL('./…', import.meta.url)` finds its file. Last, the stamp (bin/build-stamp.js): what the sources
// looked like before compiling, so bin/steplab.js runs dist/ only while they are unchanged, and the build's id,
// which keys what this build caches (src/course/parse-cache.ts). Run by `npm run build`, `prepack` and ./setup.

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, cp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { STAMP, stampSources } from '../bin/build-stamp.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

await rm(dist, { recursive: true, force: true });
// Taken before tsc reads a file: a source saved during the build leaves the stamp behind it, so dist/ is not used.
const stamp = stampSources(root, randomUUID());
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build: tsc failed (errors above); dist/ is incomplete, so nothing was packed.');
  process.exit(compiled.status ?? 1);
}
const assets = (await filesUnder(src)).filter((file) => !file.endsWith('.ts'));
for (const file of assets) {
  await cp(join(src, file), join(dist, file));
  await chmod(join(dist, file), (await stat(join(src, file))).mode);
}
await writeFile(join(dist, 'build-id'), `${stamp.id}\n`);
await writeFile(join(root, STAMP), `${JSON.stringify(stamp)}\n`);
const emitted = (await filesUnder(dist)).filter((file) => file.endsWith('.js')).length;
console.log(`build: ${emitted} JavaScript files and ${assets.length} other files in dist/`);
