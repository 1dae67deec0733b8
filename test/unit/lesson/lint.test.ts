import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, requiresKnownCommands } from '../../../src/lesson/lint.ts';
import type { LintRule } from '../../../src/lesson/lint.ts';
import { lintCommand } from '../../../src/cli/commands/lint.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const at = (path: string): string => join(fixtures, path);

/** A stream that keeps what is written to it. */
function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('formatProblem', () => {
  it('writes file:line:col: severity: message', () => {
    expect(formatProblem({ file: 'a.md', line: 3, column: 7, severity: 'error', message: 'bad' })).toBe('a.md:3:7: error: bad');
  });

  it('leaves out line and column for a problem with a whole path', () => {
    expect(formatProblem({ file: 'nope', line: 0, column: 0, severity: 'error', message: 'no such file or folder; check the path' })).toBe('nope: error: no such file or folder; check the path');
  });
});

describe('the requires rule', () => {
  it('warns about a command steplab does not know, at the list item, with a guess', async () => {
    const file = at('lessons/requires-typo.md');
    const text = await readFile(file, 'utf8');
    const lesson = parseLesson(text, file).lesson;
    if (lesson === undefined) throw new Error('fixture did not parse');
    expect(requiresKnownCommands(lesson, { text }).map(formatProblem)).toEqual([
      `${at('lessons/requires-typo.md')}:7:5: warning: requires "iptabels", which is not a command steplab knows (did you mean "iptables"?); check the spelling (an unknown command is still required on the target)`,
    ]);
  });

  it('is quiet for known commands, and falls back to line 1 without the text', () => {
    const lesson = parseLesson('---\nformat: 1\nid: a\ntitle: A\nrequires: [ip, nft, tcpdump, frobnicate]\n---\n## S\n', 'a.md').lesson;
    if (lesson === undefined) throw new Error('fixture did not parse');
    expect(requiresKnownCommands(lesson)).toEqual([
      { file: 'a.md', line: 1, column: 1, severity: 'warning', message: 'requires "frobnicate", which is not a command steplab knows; check the spelling (an unknown command is still required on the target)' },
    ]);
  });
});

describe('lintCommand', () => {
  it('prints nothing but the count for a clean course and returns 0', async () => {
    const out = sink();
    const err = sink();
    expect(await lintCommand([at('course')], { stdout: out.stream, stderr: err.stream })).toBe(0);
    expect(out.text()).toBe('no problems found\n');
    expect(err.text()).toBe('');
  });

  it('prints each problem and a count, and returns 1 when there is an error', async () => {
    const out = sink();
    const code = await lintCommand([at('lessons/bad-assertion.md'), at('lessons/requires-typo.md'), at('missing')], { stdout: out.stream, stderr: sink().stream });
    expect(code).toBe(1);
    expect(out.text().split('\n')).toEqual([
      `${at('missing')}: error: no such file or folder; check the path`,
      `${at('lessons/bad-assertion.md')}:15:13: error: expected "absent", "up", "down" or "a TYPE" after "link br0 is", found "sideways"`,
      `${at('lessons/requires-typo.md')}:7:5: warning: requires "iptabels", which is not a command steplab knows (did you mean "iptables"?); check the spelling (an unknown command is still required on the target)`,
      '2 errors, 1 warning',
      '',
    ]);
  });

  it('returns 0 when there are only warnings', async () => {
    const out = sink();
    expect(await lintCommand([at('lessons/requires-typo.md')], { stdout: out.stream, stderr: sink().stream })).toBe(0);
    expect(out.text().trimEnd().split('\n').at(-1)).toBe('0 errors, 1 warning');
  });

  it('asks for a path when given none', async () => {
    const err = sink();
    expect(await lintCommand([], { stdout: sink().stream, stderr: err.stream })).toBe(1);
    expect(err.text()).toBe('steplab lint: name the lessons to check, e.g. "steplab lint lessons/" or "steplab lint lessons/01-namespaces.md"\n');
  });

  it('says what broke instead of printing a stack trace when a rule throws', async () => {
    const err = sink();
    const broken: LintRule = () => {
      throw new Error('rule exploded');
    };
    expect(await lintCommand([at('course')], { stdout: sink().stream, stderr: err.stream }, [broken])).toBe(1);
    expect(err.text()).toBe('steplab lint: could not check the lessons: rule exploded\n');
  });
});
