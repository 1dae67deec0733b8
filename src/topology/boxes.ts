// Boxes of text in Unicode or ASCII line characters, laid side by side in rows that fit a width.

import { wrapLine } from '../diff/render.ts';
import { displayWidth } from '../util/text-width.ts';

export interface Charset {
  readonly tl: string; readonly tr: string; readonly bl: string; readonly br: string;
  readonly h: string; readonly v: string;
  /** Joins a wire's two ends. */
  readonly wire: string;
}

export const UNICODE: Charset = { tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│', wire: '⇄' };
export const ASCII: Charset = { tl: '+', tr: '+', bl: '+', br: '+', h: '-', v: '|', wire: '<->' };

/** Columns a text takes (a Chinese character two), so boxes with translated words still line up. */
export function len(text: string): number {
  return displayWidth(text);
}

/** Pad with spaces, or cut with `…`/`~`, to exactly `width` columns. */
function fit(text: string, width: number, cs: Charset): string {
  const used = len(text);
  if (used <= width) return text + ' '.repeat(width - used);
  let cut = '';
  for (const char of text) {
    if (len(cut + char) > width - 1) break;
    cut += char;
  }
  return cut + ' '.repeat(Math.max(0, width - 1 - len(cut))) + (cs === ASCII ? '~' : '…');
}

/** One line of content: `text` is wrapped to the box, `block` (a nested box) is kept as it is. */
export type Content = { readonly text: string } | { readonly block: readonly string[] };

/** The width a box needs for its content unwrapped (at least its title). */
export function naturalWidth(title: string, content: readonly Content[]): number {
  const widths = content.map((c) => ('text' in c ? len(c.text) : Math.max(0, ...c.block.map(len))));
  return Math.max(len(title) + 6, ...widths.map((w) => w + 4));
}

/** A titled box no wider than `maxWidth` (and at least `minWidth`), content wrapped inside it with a hanging indent. */
export function drawBox(title: string, content: readonly Content[], maxWidth: number, cs: Charset, minWidth = 0): string[] {
  const width = Math.max(8, Math.min(maxWidth, Math.max(minWidth, naturalWidth(title, content))));
  const inner = width - 4;
  const head = `${cs.tl}${cs.h} ${fit(title, Math.min(len(title), width - 5), cs)} `;
  const lines = [head + cs.h.repeat(Math.max(0, width - len(head) - 1)) + cs.tr];
  for (const c of content) {
    const lead = 'text' in c ? (/^ */.exec(c.text)?.[0] ?? '') : '';
    const rows = 'text' in c ? wrapLine(c.text.trimStart(), inner, `${lead}    `, lead).map((l) => l.trimEnd()) : c.block;
    for (const row of rows) lines.push(`${cs.v} ${fit(row, inner, cs)} ${cs.v}`);
  }
  lines.push(cs.bl + cs.h.repeat(width - 2) + cs.br);
  return lines;
}

/** Lay boxes left to right, wrapping into as many rows as the width needs; boxes in a row share one height. */
export function layRows(boxes: readonly (readonly string[])[], width: number): string[] {
  const out: string[] = [];
  let row: (readonly string[])[] = [];
  let used = 0;
  const flush = (): void => {
    const height = Math.max(0, ...row.map((b) => b.length));
    for (let i = 0; i < height; i++) {
      out.push(row.map((b) => b[i] ?? ' '.repeat(len(b[0] ?? ''))).join(' ').trimEnd());
    }
    row = [];
    used = 0;
  };
  for (const box of boxes) {
    const w = len(box[0] ?? '');
    if (row.length > 0 && used + 1 + w > width) flush();
    used += (row.length > 0 ? 1 : 0) + w;
    row.push(box);
  }
  if (row.length > 0) flush();
  return out;
}
