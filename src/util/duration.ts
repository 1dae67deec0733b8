// Reads the durations authors write (`500ms`, `5s`, `2m`, `1h`) as milliseconds: timeouts, `within`, `waiting`.

import { english, type Translate } from '../i18n/index.ts';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds for a duration like `5s`, or a sentence saying what is wrong with it. */
export function parseDuration(text: string, t: Translate = english.t): { readonly ms: number } | { readonly error: string } {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (match === null) {
    return { error: t('lint.duration-bad', { text }) };
  }
  const ms = Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000));
  if (ms <= 0) return { error: t('lint.duration-zero', { text }) };
  return { ms };
}

/** A duration in the words an author would write it (`30s`, `1500ms`, `2m`). */
export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
