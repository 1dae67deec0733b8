// vitest global setup: a folder for this invocation's shared course run (test/support/course-run.ts), and a
// cache folder of its own (XDG_CACHE_HOME, inherited by the test workers and the steplab processes they
// start), so that tests running the built steplab never fill the user's ~/.cache/steplab with their
// temporary courses. It runs nothing itself, so a selection without the course tests pays nothing; the
// folders go when vitest ends.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    courseRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'steplab-course-run-'));
  project.provide('courseRunDir', dir);
  const cache = mkdtempSync(join(tmpdir(), 'steplab-test-cache-'));
  process.env.XDG_CACHE_HOME = cache;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  };
}
