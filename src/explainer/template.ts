// Fills `{name}` placeholders of knowledge texts; a template with a placeholder left unbound is skipped.
// `{name:duration}` reads a time (`6` → `6 seconds`, `2m` → `2 minutes`); `{name:NOUN}` counts
// (`{count:ping}` → `1 ping`, `3 pings`). The words of times and counts come from the catalogue.

import { english, type MessageKey, type Translate } from '../i18n/index.ts';

const PLACEHOLDER = /\{([a-z][a-z0-9-]*)(?::([a-z]+))?\}/gi;

/** The placeholders a template uses, e.g. `["dev", "value"]`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

const UNITS: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };

/** The catalogue message of each noun the knowledge counts (`{value:byte}`); other nouns are counted in English. */
type CountKey = Extract<MessageKey, `explain.count.${string}`>;

const COUNTED: Readonly<Record<string, CountKey>> = {
  second: 'explain.count.second', minute: 'explain.count.minute', hour: 'explain.count.hour', day: 'explain.count.day',
  byte: 'explain.count.byte', line: 'explain.count.line', match: 'explain.count.match', packet: 'explain.count.packet',
  ping: 'explain.count.ping', request: 'explain.count.request', time: 'explain.count.time',
};

/** The nouns `{name:NOUN}` may count in every language. */
export const COUNTED_NOUNS: readonly string[] = Object.keys(COUNTED);

/** `6` → `6 seconds`, `1` → `1 second`, `2m` → `2 minutes`, `infinity` → `forever`; other words as given. */
export function readDuration(value: string, t: Translate = english.t): string {
  if (value === 'infinity') return t('explain.forever');
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(value);
  if (!m) return value;
  return count(m[1] ?? '', UNITS[m[2] || 's'] ?? 'second', t);
}

/** `1 ping`, `3 pings`, `$N pings`, `2 matches`: the value as written, the noun singular only for `1`. */
export function count(value: string, noun: string, t: Translate = english.t): string {
  const key = COUNTED[noun];
  if (key !== undefined) return t(key, { count: value === '1' ? 1 : 2, n: value });
  if (value === '1') return `${value} ${noun}`;
  return `${value} ${noun}${/(s|x|ch|sh)$/.test(noun) ? 'es' : 's'}`;
}

/** One placeholder's text: the value as it is, as a time, or counted. */
function shape(value: string, as: string | undefined, t: Translate): string {
  if (as === undefined) return value;
  return as === 'duration' ? readDuration(value, t) : count(value, as, t);
}

/** Fill only `{value}` (and `{value:…}`), leaving other placeholders for later. */
export function fillValue(template: string, value: string, t: Translate = english.t): string {
  return template.replace(/\{value(?::([a-z]+))?\}/g, (_all, as: string | undefined) => shape(value, as, t));
}

/** The template with every placeholder filled, or undefined when one is not bound. */
export function fill(template: string, binds: ReadonlyMap<string, string>, t: Translate = english.t): string | undefined {
  let missing = false;
  const text = template.replace(PLACEHOLDER, (_all, name: string, as: string | undefined) => {
    const value = binds.get(name);
    if (value === undefined) missing = true;
    return value === undefined ? '' : shape(value, as, t);
  });
  return missing ? undefined : text;
}

/** The first of the templates that can be filled completely. */
export function fillFirst(templates: string | readonly string[], binds: ReadonlyMap<string, string>, t: Translate = english.t): string | undefined {
  for (const template of typeof templates === 'string' ? [templates] : templates) {
    const text = fill(template, binds, t);
    if (text !== undefined) return text;
  }
  return undefined;
}
