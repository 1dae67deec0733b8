// Chinese text puts no space between two Chinese characters: drop the ones gluing templates together left there.

/** Han characters and full-width punctuation (（），：；、。“”); not the dash, which keeps a space on each side. */
const WIDE = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d';
const BETWEEN = new RegExp(`(?<=[${WIDE}]) +(?=[${WIDE}])`, 'gu');

/** `放行 流量（从 docker0 进来）` → `放行流量（从 docker0 进来）`; text without Chinese comes back as it was. */
export function tidyCjkSpaces(text: string): string {
  return text.replace(BETWEEN, '');
}
