// vitest global setup: a folder for this invocation's shared course run (test/support/course-run.ts). It runs
// nothing itself, so a selection without the course tests pays nothing; the folder goes when vitest ends.

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
  return () => rmSync(dir, { recursive: true, force: true });
}
