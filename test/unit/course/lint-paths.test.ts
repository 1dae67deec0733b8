import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LintRule } from '../../../src/lesson/lint.ts';
import { lintPaths } from '../../../src/course/lint-paths.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const at = (path: string): string => join(fixtures, path);

describe('lintPaths', () => {
  it('reports every malformed fixture, sorted by file and line', async () => {
    const names = ['unclosed-fence', 'unknown-attribute', 'bad-assertion', 'missing-title', 'challenge-without-checks', 'requires-typo'];
    const problems = await lintPaths([...names.map((n) => at(`lessons/${n}.md`)), at('lessons/duplicate-id')]);
    expect(problems.map((p) => `${p.file.slice(fixtures.length)}:${p.line}:${p.column}: ${p.severity}`)).toEqual([
      'lessons/unclosed-fence.md:9:1: error',
      'lessons/unknown-attribute.md:9:8: error',
      'lessons/bad-assertion.md:15:13: error',
      'lessons/missing-title.md:1:1: error',
      'lessons/challenge-without-checks.md:7:1: error',
      'lessons/requires-typo.md:7:5: warning',
      'lessons/duplicate-id/02-second.md:4:5: error',
    ]);
  });

  it('runs extra rules on each lesson that parsed, and only those', async () => {
    const seen: string[] = [];
    const rule: LintRule = (lesson) => {
      seen.push(lesson.id);
      return [{ file: lesson.file, line: lesson.steps[0]?.line ?? 1, column: 1, severity: 'warning', message: `looked at ${lesson.id}` }];
    };
    const problems = await lintPaths([at('course'), at('lessons/unclosed-fence.md')], [rule]);
    expect(seen).toEqual(['fixture-namespaces', 'fixture-challenge']);
    expect(problems.map((p) => `${p.file.slice(fixtures.length)}:${p.line} ${p.message}`)).toEqual([
      'course/01-namespaces.md:15 looked at fixture-namespaces',
      'course/02-challenge.md:13 looked at fixture-challenge',
      'lessons/unclosed-fence.md:9 unclosed ``` fence opened here; close it with ```',
    ]);
  });
});
