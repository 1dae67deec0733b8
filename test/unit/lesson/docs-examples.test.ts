import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAssertionSyntaxError, parseAssertion } from '../../../src/assert/parse.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';

const doc = readFileSync(new URL('../../../docs/lesson-format.md', import.meta.url), 'utf8');

/** The example column of every assertion table in the authors' reference. */
function tableExamples(): string[] {
  const section = doc.slice(doc.indexOf('## Assertions'), doc.indexOf('## The lab world'));
  return section.split('\n').flatMap((line) => {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    const example = cells[2];
    return cells.length >= 4 && example?.startsWith('`') ? [example.slice(1, -1).replace(/\\\|/g, '|')] : [];
  });
}

describe('docs/lesson-format.md stays exact', () => {
  it('has an example for every assertion kind, and each one parses', () => {
    const examples = tableExamples();
    const kinds = new Set<string>();
    for (const example of examples) {
      const parsed = parseAssertion(example);
      expect(isAssertionSyntaxError(parsed) ? `${example}: ${parsed.message}` : 'ok').toBe('ok');
      if (!isAssertionSyntaxError(parsed)) kinds.add(parsed.kind);
    }
    expect([...kinds].sort()).toEqual(['addr', 'exit-status', 'http', 'iptables-policy', 'iptables-rule', 'link', 'netns', 'output-contains', 'output-matches', 'ping', 'route', 'sh', 'sysctl', 'tcp']);
  });

  it('shows a lesson shape that parses without problems', () => {
    const shape = /~~~~markdown\n([\s\S]*?)~~~~/.exec(doc)?.[1];
    expect(shape).toBeDefined();
    const result = parseLesson(shape ?? '', 'shape.md');
    expect(result.problems).toEqual([]);
    expect(result.lesson?.steps.map((s) => s.id)).toEqual(['create-two-namespaces']);
  });
});
