import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAssertionSyntaxError, parseAssertion } from '../../../src/assert/parse.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { checkVariablesAreSet } from '../../../src/lesson/variables-rule.ts';
import { unexplainedCommands } from '../../../src/explainer/lint-rule.ts';

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

  it('shows a lesson written in Chinese that parses, its step id made from a Chinese heading', () => {
    const section = doc.slice(doc.indexOf('## Lessons in other languages'), doc.indexOf('## What lint says'));
    const text = /~~~~markdown\n([\s\S]*?)~~~~/.exec(section)?.[1] ?? '';
    const { lesson, problems } = parseLesson(text, 'zh.md');
    expect(problems).toEqual([]);
    expect(lesson?.lang).toBe('zh-CN');
    expect(lesson?.steps.map((s) => s.id)).toEqual(['创建命名空间']);
  });

  it('shows the $pid lesson of the variables section, which the e2e fixture runs for real', () => {
    const section = doc.slice(doc.indexOf('## Variables: checks see the lesson'), doc.indexOf('## When a step fails'));
    const body = /~~~~markdown\n([\s\S]*?)~~~~/.exec(section)?.[1] ?? '';
    const text = `---\nformat: 1\nid: by-hand\ntitle: By hand\nworld: none\n---\n\n${body}`;
    const { lesson, problems } = parseLesson(text, 'by-hand.md');
    expect(problems).toEqual([]);
    expect(checkVariablesAreSet(lesson!, { text })).toEqual([]);
    expect(lesson!.steps.flatMap((s) => s.checks.map((c) => c.source))).toContain('link eth0 in $pid is up');
    const fixture = parseLesson(readFileSync(new URL('../../fixtures/variables/01-connect-by-hand.md', import.meta.url), 'utf8'), 'f.md').lesson!;
    for (const [i, step] of lesson!.steps.entries()) {
      expect(step.commands.map((b) => b.code)).toEqual(fixture.steps[i]?.commands.map((b) => b.code));
      for (const check of step.checks) expect(fixture.steps[i]?.checks.map((c) => c.source)).toContain(check.source);
    }
  });

  it('shows how prose marks a command steplab cannot explain as explained', () => {
    const section = doc.slice(doc.indexOf('### Commands steplab cannot explain'));
    const prose = /```markdown\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const command = 'pipework docker0 $pid 172.17.42.99/16';
    const lessonText = (p: string) => `---\nformat: 1\nid: pw\ntitle: Pw\n---\n\n## Wire it\n\n${p}\n\`\`\`sh\n${command}\n\`\`\`\n`;
    const warned = parseLesson(lessonText('No word about it.\n'), 'pw.md').lesson!;
    expect(unexplainedCommands(warned).map((p) => p.message)).toEqual([expect.stringContaining('"pipework"')]);
    const explained = parseLesson(lessonText(prose), 'pw.md').lesson!;
    expect(unexplainedCommands(explained)).toEqual([]);
  });
});
