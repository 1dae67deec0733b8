import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseWidth, renderMarkdown } from '../../../src/report/render-markdown.ts';

describe('renderMarkdown', () => {
  it('gives plain text without colour: no escapes, code spans keep their backticks, list items parsed', () => {
    const text = renderMarkdown('Run `ip link` **now**.\n\n- a **b** `c`\n- MAC 02:42:ab:cd:ef:01\n', { color: false, width: 60 });
    expect(text).toBe('Run `ip link` now.\n\n  * a b `c`\n  * MAC 02:42:ab:cd:ef:01');
  });

  it('wraps prose at the width', () => {
    const text = renderMarkdown('one two three four five six seven eight nine ten', { color: false, width: 20 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(20);
    expect(text.split('\n').length).toBeGreaterThan(2);
  });

  it('renders nothing for blank Markdown', () => {
    expect(renderMarkdown('  \n', { color: false, width: 60 })).toBe('');
  });

  it('leaves the global marked instance alone', async () => {
    const { marked } = await import('marked');
    renderMarkdown('**x**', { color: false, width: 60 });
    expect(marked.parse('**x**')).toBe('<p><strong>x</strong></p>\n');
  });
});

describe('proseWidth', () => {
  it('follows the terminal, capped at 100, 80 when unknown', () => {
    expect(proseWidth(72)).toBe(72);
    expect(proseWidth(220)).toBe(100);
    expect(proseWidth(undefined)).toBe(80);
  });
});

describe('tables', () => {
  /** Every Markdown table of a lesson file. */
  const tables = (file: string): string[] =>
    [...readFileSync(join(import.meta.dirname, '../../../lessons', file), 'utf8').matchAll(/^(\|.*\n)+/gm)].map((m) => m[0]);

  it.each(['15-troubleshooting.md', '16-capstone.md'])('fits every table of %s into 100 and 60 columns, keeping every cell', (file) => {
    const found = tables(file);
    expect(found.length).toBeGreaterThan(0);
    for (const table of found) {
      for (const width of [100, 60]) {
        const text = renderMarkdown(table, { color: false, width });
        for (const line of text.split('\n')) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
        const words = (t: string): string[] => t.replace(/[|*`-]/g, ' ').split(/\s+/).filter(Boolean);
        expect(words(text)).toEqual(expect.arrayContaining(words(table.split('\n').filter((l) => !/^\|[\s|-]+\|$/.test(l)).slice(1).join('\n'))));
      }
    }
  });

  it('draws a table that fits as a table, and reflows one that does not into a record a row', () => {
    const md = '| part | made with |\n| --- | --- |\n| sandbox | `ip netns add` |\n';
    expect(renderMarkdown(md, { color: false, width: 60 })).toContain('│ sandbox │ `ip netns add` │');
    expect(renderMarkdown(md, { color: false, width: 20 })).toBe('  sandbox\n    made with: `ip\n          netns add`');
  });
});
