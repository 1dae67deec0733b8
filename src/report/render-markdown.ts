// Lesson prose rendered for the terminal (marked + marked-terminal), wrapped to the width, plain when colours are off.

import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import { displayWidth, hasWide, wrapText } from '../util/text-width.ts';

// marked-terminal (and the syntax highlighter it brings) costs more start-up than the rest of the CLI:
// load it on the first prose rendered, not before the lesson picker can show.
let markedTerminal: typeof import('marked-terminal').markedTerminal | undefined;
const loadMarkedTerminal = (): typeof import('marked-terminal').markedTerminal =>
  (markedTerminal ??= (createRequire(import.meta.url)('marked-terminal') as typeof import('marked-terminal')).markedTerminal);

export interface RenderOptions {
  /** Keep styling (bold, colours); false gives plain text. */
  readonly color: boolean;
  /** Columns to wrap at; defaults to the terminal's width, at most 100. */
  readonly width?: number;
}

const MAX_WIDTH = 100;
const DEFAULT_WIDTH = 80;

/** The width prose is wrapped at: the terminal's columns, capped at 100. */
export function proseWidth(columns: number | undefined = process.stdout.columns): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_WIDTH;
  return Math.min(columns, MAX_WIDTH);
}

const instances = new Map<string, Marked>();

/** marked-terminal prints a list item's text raw; parse its inline tokens (code spans, bold) as marked itself does. */
const inlineInListItems: MarkedExtension = {
  renderer: {
    text(token) {
      if ('tokens' in token && token.tokens !== undefined) return this.parser.parseInline(token.tokens);
      return false;
    },
  },
};

/** Wrap styled text to `width` columns (escape sequences take none, 中文 two), continuing lines with `indent`. */
function wrapStyled(text: string, width: number, indent: string): string[] {
  return wrapText(text, width, indent);
}

/**
 * marked-terminal wraps at spaces and counts characters, so a Chinese paragraph (two columns a
 * character, no spaces) runs past the edge. Paragraphs and headings with wide characters are wrapped
 * here by columns instead; the rest is left to marked-terminal as before.
 */
function wideTextThatFits(width: number): MarkedExtension {
  return {
    renderer: {
      paragraph(token) {
        const text = this.parser.parseInline(token.tokens);
        if (!hasWide(text)) return false;
        return `${wrapText(text, width).join('\n')}\n\n`;
      },
    },
  };
}

/**
 * A table wider than the width reads as one record a row: the first cell as its heading, then
 * `header: cell` lines, wrapped. A table that fits is drawn as a table by marked-terminal.
 */
function tablesThatFit(width: number): MarkedExtension {
  return {
    renderer: {
      table(token) {
        const cell = (c: Tokens.TableCell): string => this.parser.parseInline(c.tokens).trim();
        const header = token.header.map(cell);
        const rows = token.rows.map((row) => row.map(cell));
        const columns = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
        // Borders and padding: `│ a │ b │` is 3 columns a cell plus 1.
        if (columns.reduce((sum, w) => sum + w + 3, 1) <= width) return false;
        const records = rows.map((row) => {
          const [first = '', ...rest] = row;
          const fields = rest.map((value, i) => wrapStyled(`${header[i + 1] ?? ''}: ${value}`, width - 4, '      ').map((l) => `    ${l}`).join('\n'));
          return [`  ${first}`, ...fields].join('\n');
        });
        return `${records.join('\n\n')}\n\n`;
      },
    },
  };
}

/** A Marked instance of our own (never the global one), one per width and colour mode. */
function markedFor(width: number, color: boolean): Marked {
  const key = `${width}:${color}`;
  let instance = instances.get(key);
  if (instance === undefined) {
    // Without colour a code span keeps its backticks, so `ip link` still stands out from the prose.
    const plain = color ? {} : { codespan: (text: string) => `\`${text}\`` };
    const options = { width, reflowText: true, emoji: false, tab: 2, ...plain };
    // The types declare a renderer; at run time markedTerminal returns an extension object.
    const extension = loadMarkedTerminal()(options) as unknown as MarkedExtension;
    instance = new Marked(extension, inlineInListItems, tablesThatFit(width), wideTextThatFits(width));
    instances.set(key, instance);
  }
  return instance;
}

/** One line of inline Markdown (a step title): code spans styled, or kept in backticks without colour. */
export function renderInline(markdown: string, color: boolean): string {
  const rendered = markedFor(MAX_WIDTH, color).parseInline(markdown, { async: false });
  return (color ? rendered : stripVTControlCharacters(rendered)).replace(/\s+$/, '');
}

/** Render Markdown to terminal text; no trailing blank lines. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  if (markdown.trim() === '') return '';
  const width = options.width ?? proseWidth();
  const rendered = markedFor(width, options.color).parse(markdown, { async: false });
  const text = options.color ? rendered : stripVTControlCharacters(rendered);
  return text.replace(/\s+$/, '');
}
