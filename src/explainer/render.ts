// Renders an explained command as plain text for the terminal, every line within a given width.

import type { ExplainedCommand } from './types.ts';
import { english, type MessageKey, type Translate } from '../i18n/index.ts';
import { displayWidth, hasWide, wrapText } from '../util/text-width.ts';

const OPERATORS: Readonly<Record<string, MessageKey & `explain.operator.${string}`>> = {
  '|': 'explain.operator.pipe',
  '|&': 'explain.operator.pipe-all',
  '&&': 'explain.operator.and',
  '||': 'explain.operator.or',
  '&': 'explain.operator.background',
  ';': 'explain.operator.then',
};

/** Splits text into lines of at most `width` columns, at spaces where possible (and between Chinese characters). */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  if (hasWide(text)) return wrapText(text.split(/\s+/).filter((w) => w !== '').join(' '), limit);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= limit) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > limit) {
      lines.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Lines of `text` wrapped to `width`, the first after `first` and the rest after `next`. */
function hang(first: string, next: string, text: string, width: number): string[] {
  return wrap(text, width - Math.max(displayWidth(first), displayWidth(next))).map((line, k) => (k === 0 ? first : next) + line);
}

/** The terminal text for one explained command: the command, its summary, a gloss per word group. */
export function renderCommand(explained: ExplainedCommand, width: number, indent = '', t: Translate = english.t): string[] {
  const lines: string[] = [];
  explained.text.split('\n').forEach((line, k) => lines.push(...hang(`${indent}${k === 0 ? '$ ' : '  '}`, `${indent}  `, line.trim(), width)));
  lines.push(...hang(`${indent}  `, `${indent}  `, explained.summary, width));
  const column = Math.min(Math.max(...explained.parts.map((p) => p.words.length), 4) + 2, Math.floor(width * 0.35));
  const pad = `${indent}    ${' '.repeat(column)}`;
  for (const part of explained.parts) {
    const head = `${indent}    ${part.words}`;
    if (part.words.length + 2 <= column) lines.push(...hang(head.padEnd(pad.length), pad, part.meaning, width));
    else {
      lines.push(...hang(`${indent}    `, `${indent}      `, part.words, width));
      lines.push(...hang(pad, pad, part.meaning, width));
    }
  }
  if (explained.unknown.length > 0) lines.push(...hang(`${indent}  ${t('explain.not-understood')} `, `${indent}    `, explained.unknown.join(', '), width));
  const operator = explained.operator === undefined ? undefined : OPERATORS[explained.operator];
  if (operator !== undefined) lines.push(...hang(`${indent}  ${explained.operator} `, `${indent}    `, t(operator), width));
  for (const inner of explained.inner) lines.push(...renderCommand(inner, width, `${indent}    `, t));
  return lines;
}
