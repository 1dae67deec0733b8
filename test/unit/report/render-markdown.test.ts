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
