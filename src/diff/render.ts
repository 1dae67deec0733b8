// The terminal text of a step's changes: a heading per namespace, one `+ - ~` line per change, wrapped to the width.

import { english, type Translate } from '../i18n/index.ts';
import type { Change } from './types.ts';
import { namespaceHeading } from './namespaces.ts';
import { wrapText } from '../util/text-width.ts';

export const NOTHING_CHANGED = english.t('diff.nothing');

/** Commands that change the neighbour (ARP) table, which snapshots do not hold. */
const NEIGHBOUR_COMMAND = /\b(ip(\s+-\S+(\s+\S+)?)*\s+n(e(i(gh(bour)?)?)?)?\s+(flush|del|add|change|replace)|arp\s+-d)\b/;

/** The line for a step where nothing changed; after the step's `code` touched neighbours, say they are not watched rather than "nothing changed". */
export function nothingChanged(code = '', t: Translate = english.t): string {
  return t(NEIGHBOUR_COMMAND.test(code) ? 'diff.nothing-but-neighbours' : 'diff.nothing');
}

/** Wrap one line to `width` columns (at spaces, and between Chinese characters), continuing with `indent`; a word longer than the width is cut. */
export function wrapLine(text: string, width: number, indent: string, first = ''): string[] {
  return wrapText(text, width, indent, first);
}

/** Changes grouped under their namespace's heading, in the order given (diffSnapshots already orders them). */
export function renderChanges(changes: readonly Change[], width: number, t: Translate = english.t): string {
  if (changes.length === 0) return t('diff.nothing');
  const out: string[] = [];
  let group: string | undefined | null = null;
  for (const change of changes) {
    if (change.ns !== group) {
      group = change.ns;
      out.push(namespaceHeading(change.ns, t));
    }
    out.push(...wrapLine(`${change.op} ${change.text}`, Math.max(width, 20), '      ', '  '));
  }
  return out.join('\n');
}
