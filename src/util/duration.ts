// Reads the durations authors write (`500ms`, `5s`, `2m`, `1h`) as milliseconds: timeouts, `within`, `waiting`.

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds for a duration like `5s`, or a sentence saying what is wrong with it. */
export function parseDuration(text: string): { readonly ms: number } | { readonly error: string } {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (match === null) {
    return { error: `"${text}" is not a duration; write a number and a unit, e.g. 500ms, 5s or 2m` };
  }
  const ms = Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000));
  if (ms <= 0) return { error: `"${text}" is no time at all; give a duration above zero, e.g. 5s` };
  return { ms };
}

/** A duration in the words an author would write it (`30s`, `1500ms`, `2m`). */
export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
