// Every command a shipped lesson runs (sh, solution, setup, cleanup) must be fully explained.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lesson/parse.ts';
import type { Problem } from '../../../src/lesson/types.ts';
import { explainBlock } from '../../../src/explainer/explain-command.ts';
import { unexplainedCommands } from '../../../src/explainer/lint-rule.ts';

const LESSONS = join(import.meta.dirname, '../../../lessons');

/** Without a parsed lesson: the command blocks found by a plain regex over the fences. */
function unexplainedByRegex(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const match of text.matchAll(/^(`{3,}|~{3,})(sh|solution|setup|cleanup)\b[^\n]*\n([\s\S]*?)^\1\s*$/gm)) {
    const fenceLine = text.slice(0, match.index).split('\n').length;
    for (const command of explainBlock((match[3] ?? '').replace(/\n$/, ''))) {
      if (command.unknown.length === 0) continue;
      const message = `cannot explain ${command.unknown.join(', ')} in \`${command.text}\``;
      problems.push({ file, line: fenceLine + 1 + command.line, column: command.column + 1, severity: 'warning', message });
    }
  }
  return problems;
}

/** The explainer's warnings for one lesson file: from the parsed lesson, or by regex if it does not parse. */
function unexplainedIn(text: string, file: string): Problem[] {
  const { lesson } = parseLesson(text, file);
  return lesson === undefined ? unexplainedByRegex(text, file) : unexplainedCommands(lesson);
}

/** Problems as `file:line:col: message`, so a failure names what to fix. */
const report = (problems: readonly Problem[]): string[] => problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);

// No lessons/ (a broken checkout) must fail here, not pass with zero cases.
const files = readdirSync(LESSONS).filter((f) => /^\d+-.*\.md$/.test(f)).sort();

describe('shipped lessons', () => {
  it('are there to check: the course ships lessons', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s: every command is fully explained', (name) => {
    const file = join('lessons', name);
    expect(report(unexplainedIn(readFileSync(join(LESSONS, name), 'utf8'), file))).toEqual([]);
  });

  it('catches an unexplained command, by parser and by regex alike', () => {
    const text = [
      '---', 'format: 1', 'id: fixture', 'title: Fixture', 'summary: A fixture.', '---', '', '# Fixture', '',
      '## One step', '', 'Prose.', '', '```sh', 'ip netns add red', 'ip link frobnicate red', '```', '',
      '```check', 'netns red exists', '```', '',
    ].join('\n');
    expect(parseLesson(text, 'lessons/fixture.md').lesson).toBeDefined();
    const expected = ['lessons/fixture.md:16:1'];
    expect(report(unexplainedIn(text, 'lessons/fixture.md')).map((r) => r.split(': ')[0])).toEqual(expected);
    expect(report(unexplainedByRegex(text, 'lessons/fixture.md')).map((r) => r.split(': ')[0])).toEqual(expected);
    expect(report(unexplainedIn(text, 'lessons/fixture.md'))[0]).toContain('frobnicate');
  });
});
