// Turns the lines of a `check` block into Checks, each bad line a problem at its column.

import type { Check, Problem } from './types.ts';
import { parseCheckLine } from '../assert/parse.ts';
import { english, type Translate } from '../i18n/index.ts';

/** Parses every assertion line; blank lines and `#` comments are skipped. */
export function parseCheckLines(
  lines: readonly string[],
  firstLine: number,
  file: string,
  t: Translate = english.t,
): { readonly checks: Check[]; readonly problems: Problem[] } {
  const checks: Check[] = [];
  const problems: Problem[] = [];
  lines.forEach((text, index) => {
    const source = text.trim();
    if (source === '' || source.startsWith('#')) return;
    const line = firstLine + index;
    const parsed = parseCheckLine(text, t);
    if (!('assertion' in parsed)) {
      problems.push({ file, line, column: parsed.column, severity: 'error', message: parsed.message });
    } else {
      checks.push({ source, line, assertion: parsed.assertion, ...(parsed.withinMs === undefined ? {} : { withinMs: parsed.withinMs }) });
    }
  });
  return { checks, problems };
}
