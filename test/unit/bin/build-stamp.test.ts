import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP, distIsCurrent, stampSources } from '../../../bin/build-stamp.js';
import { runCommand } from '../../../src/process/spawn.ts';

// A checkout in miniature: whether bin/steplab.js may run dist/ or must run src/.
let root: string;
const at = (path: string): string => join(root, path);
// Sources older than anything a test does to them, so each change gets an mtime of its own.
const longAgo = new Date('2020-01-01T00:00:00Z');
const SOURCES = ['src/cli/main.ts', 'src/lesson/parse.ts', 'src/sandbox/scripts/init.sh', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'steplab-stamp-'));
  for (const file of SOURCES) {
    await mkdir(join(at(file), '..'), { recursive: true });
    await writeFile(at(file), `// ${file}\n`);
  }
  for (const path of [...SOURCES, 'src/cli', 'src/lesson', 'src/sandbox/scripts', 'src/sandbox', 'src']) await utimes(at(path), longAgo, longAgo);
  await mkdir(at('dist'));
  await writeFile(at(STAMP), JSON.stringify(stampSources(root, 'build-1')));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('whether dist/ is a build of the sources on disk', () => {
  it('is, right after the build', () => {
    expect(distIsCurrent(root)).toBe(true);
  });

  it('records every file and folder under src/ and the configuration, and the build id', () => {
    const stamp = stampSources(root, 'build-2');
    expect(stamp.id).toBe('build-2');
    expect(stamp.sources.map(([path]) => path)).toEqual(['src', 'src/cli', 'src/cli/main.ts', 'src/lesson', 'src/lesson/parse.ts', 'src/sandbox', 'src/sandbox/scripts', 'src/sandbox/scripts/init.sh', 'package.json', 'tsconfig.json', 'tsconfig.build.json']);
  });

  it('is not once a source is saved again, even unchanged (touch)', async () => {
    const now = new Date();
    await utimes(at('src/lesson/parse.ts'), now, now);
    expect(distIsCurrent(root)).toBe(false);
  });

  it('is not once a source changes size', async () => {
    await writeFile(at('src/cli/main.ts'), '// longer than before\n');
    await utimes(at('src/cli/main.ts'), longAgo, longAgo);
    expect(distIsCurrent(root)).toBe(false);
  });

  it('is not once a file is added, removed or renamed under src/, however deep', async () => {
    await writeFile(at('src/sandbox/scripts/new.sh'), 'true\n');
    expect(distIsCurrent(root)).toBe(false);
    await rm(at('src/sandbox/scripts/new.sh'));
    await utimes(at('src/sandbox/scripts'), longAgo, longAgo);
    expect(distIsCurrent(root)).toBe(true);
    await rename(at('src/cli/main.ts'), at('src/cli/main2.ts'));
    expect(distIsCurrent(root)).toBe(false);
  });

  it('is not once a source is removed', async () => {
    await rm(at('src/lesson/parse.ts'));
    await utimes(at('src/lesson'), longAgo, longAgo);
    expect(distIsCurrent(root)).toBe(false);
  });

  it('is not when the configuration the build read changed', async () => {
    const now = new Date();
    await utimes(at('tsconfig.build.json'), now, now);
    expect(distIsCurrent(root)).toBe(false);
  });

  it('is not without a stamp, or with one that cannot be read (a build stopped half way)', async () => {
    await writeFile(at(STAMP), '{"id":"build-1","sources":[["src",');
    expect(distIsCurrent(root)).toBe(false);
    await writeFile(at(STAMP), '{"id":"build-1","sources":[]}');
    expect(distIsCurrent(root)).toBe(false);
    await rm(at(STAMP));
    expect(distIsCurrent(root)).toBe(false);
  });
});

describe('bin/steplab.js', () => {
  /** What the checkout's entry point ran: its dist/ or its src/ (each main says which). */
  const ran = async (): Promise<string> => {
    const r = await runCommand(process.execPath, [at('bin/steplab.js')], { cwd: root });
    expect(r.exitCode, r.stderr).toBe(0);
    return r.stdout.trim();
  };

  beforeEach(async () => {
    await mkdir(at('bin'));
    for (const file of ['steplab.js', 'build-stamp.js']) await copyFile(fileURLToPath(new URL(`../../../bin/${file}`, import.meta.url)), at(`bin/${file}`));
    await writeFile(at('package.json'), '{ "type": "module" }\n');
    await writeFile(at('src/cli/main.ts'), "export async function main(): Promise<number> { console.log('src'); return 0; }\n");
    await mkdir(at('dist/cli'), { recursive: true });
    await writeFile(at('dist/cli/main.js'), "export async function main() { console.log('dist'); return 0; }\n");
    for (const path of ['package.json', 'src/cli/main.ts', 'src/cli']) await utimes(at(path), longAgo, longAgo);
    await writeFile(at(STAMP), JSON.stringify(stampSources(root, 'build-1')));
  });

  it('runs dist/ while it is a build of the sources, and src/ once one of them is touched', async () => {
    expect(await ran()).toBe('dist');
    const now = new Date();
    await utimes(at('src/lesson/parse.ts'), now, now);
    expect(await ran()).toBe('src');
  });

  it('runs src/ when dist/ has no stamp', async () => {
    await rm(at(STAMP));
    expect(await ran()).toBe('src');
  });
});
