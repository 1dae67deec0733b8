// Text measured in terminal columns, not characters: 中 takes two, an escape sequence none. Wrapping that may break between Chinese characters.

import stringWidth from 'fast-string-width';

/** Columns a text takes in a terminal (East Asian wide characters count two, escape sequences none). */
export const displayWidth = (text: string): number => stringWidth(text);

/** Pad a text with spaces to `width` columns (padEnd counts characters, which is wrong for 中文). */
export const padEndTo = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Whether a text holds characters that take two columns, so that it needs wrapping by width rather than length. */
export const hasWide = (text: string): boolean => /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(text);

/** Punctuation that may not start a line, and that which may not end one (Chinese line-breaking rules, kinsoku). */
const NO_START = /^[，。、；：！？）」』》〉】〕…—,.;:!?)\]]/u;
const NO_END = /[（「『《〈【〔(\[]$/u;

/** Pieces a line may break between: escape sequences, runs of spaces, one CJK character, or a word of anything else. */
const UNIT = /\x1b\[[0-9;]*m|\s+|[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff00-\uffef]|[^\s\x1b\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff00-\uffef]+/gu;

/**
 * Wrap text to `width` columns: at spaces, and between Chinese (Japanese, Korean) characters, which
 * need none, keeping closing punctuation off a line's start. A word wider than a line is cut. Lines
 * after the first start with `indent`, the first with `first`. Soft line breaks in the text become a space, or nothing between
 * two wide characters.
 */
export function wrapText(text: string, width: number, indent = '', first = ''): string[] {
  const joined = text.replace(/([^\n])\n(?=[^\n])/g, (_m, before: string, offset: number) => {
    const after = text.charAt(offset + 2);
    return hasWide(before) && hasWide(after) ? before : `${before} `;
  });
  const lines: string[] = [];
  let units: string[] = [];
  let used = 0;
  let space = false;
  const room = (): number => width - displayWidth(lines.length === 0 ? first : indent);
  const flush = (): void => {
    lines.push((lines.length === 0 ? first : indent) + units.join('').trimEnd());
    units = [];
    used = 0;
  };
  for (const unit of joined.match(UNIT) ?? []) {
    if (/^\s+$/.test(unit)) {
      space = units.length > 0;
      continue;
    }
    const w = displayWidth(unit);
    if (w === 0) {
      units.push(unit);
      continue;
    }
    const gap = space ? 1 : 0;
    space = false;
    if (used + gap + w <= room()) {
      if (gap) units.push(' ');
      units.push(unit);
      used += gap + w;
      continue;
    }
    // It does not fit: start a new line, taking along a character that may not end a line or that this one may not start.
    const carried = gap ? [] : carry(units, unit, room() - w);
    if (units.length > 0) flush();
    for (const piece of [...carried, ...cut(unit, room())]) {
      const pw = displayWidth(piece);
      if (used + pw > room() && units.length > 0) flush();
      units.push(piece);
      used += pw;
    }
  }
  if (units.length > 0 || lines.length === 0) flush();
  return lines;
}

/**
 * What must move to the next line with `unit`: when it may not start a line, the closing punctuation
 * before it and the character they follow; when the line ends in an opening bracket, that bracket.
 * Taken off `units` only when it fits in `room` columns beside `unit`.
 */
function carry(units: string[], unit: string, room: number): string[] {
  let take = 0;
  if (NO_START.test(unit)) {
    while (take < units.length && NO_START.test(units.at(-1 - take) ?? '')) take++;
    take++;
  } else if (NO_END.test(units.at(-1) ?? '')) take = 1;
  const taken = units.slice(units.length - take);
  if (take === 0 || take > units.length || taken.includes(' ') || displayWidth(taken.join('')) > room) return [];
  return units.splice(units.length - take, take);
}

/** A word cut into pieces no wider than `width` columns (a word that fits is one piece). */
function cut(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && displayWidth(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return piece === '' ? pieces : [...pieces, piece];
}
