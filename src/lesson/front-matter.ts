// Reads a lesson's YAML front matter into checked fields with defaults, each problem at its line.

import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Problem, World } from './types.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { english, type Translate } from '../i18n/index.ts';
import { parseDuration } from './duration.ts';
import { isKebabCase, slugify } from './slug.ts';

export const FRONT_MATTER_KEYS = ['format', 'id', 'title', 'summary', 'lang', 'translated-from', 'requires', 'world', 'timeout'] as const;
/** The language of a lesson that does not say (BCP 47). */
export const DEFAULT_LANG = 'en';
const WORLDS: readonly World[] = ['internet', 'none'];
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The front matter's fields; undefined where a required field is missing or wrong. */
export interface FrontMatter {
  readonly format: 1 | undefined;
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly summary: string;
  readonly requires: readonly string[];
  readonly world: World;
  readonly timeoutMs: number;
  /** BCP 47 tag, canonical (`zh-CN`); `en` when not given. */
  readonly lang: string;
  /** A translation's fingerprint of the original it was made from (see translation.ts); undefined when not given. */
  readonly translatedFrom: string | undefined;
}

/** The file cut in two: the YAML text and the Markdown body, with where each starts. */
export interface SplitFile {
  /** The YAML between the fences; undefined when the file has no (closed) front matter. */
  readonly yaml: string | undefined;
  /** Line number (from 1) of the YAML's first line. */
  readonly yamlLine: number;
  readonly body: string;
  /** How many lines come before the body (add to a body line to get a file line). */
  readonly bodyOffset: number;
  /** Set when the front matter is missing or never closed. */
  readonly problem: string | undefined;
}

/** The checked fields, every problem, and whether the YAML could be read at all. */
export interface FrontMatterResult {
  readonly fields: FrontMatter;
  readonly problems: readonly Problem[];
  /** False when the front matter is missing, unclosed or not YAML (so its fields are unknown). */
  readonly readable: boolean;
}

/** Cuts the `---` fenced front matter off the top of a file. */
export function splitFrontMatter(text: string, t: Translate = english.t): SplitFile {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    const problem = t('lint.front-missing');
    return { yaml: undefined, yamlLine: 1, body: text, bodyOffset: 0, problem };
  }
  const close = lines.findIndex((line, index) => index > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (close < 0) {
    const problem = t('lint.front-unclosed');
    return { yaml: undefined, yamlLine: 2, body: '', bodyOffset: lines.length, problem };
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyOffset: close + 1,
    problem: undefined,
  };
}

/** Parses the front matter of a split file: fields with defaults, and every problem found. */
export function parseFrontMatter(split: SplitFile, file: string, t: Translate = english.t): FrontMatterResult {
  const problems: Problem[] = [];
  const fields: Mutable<FrontMatter> = {
    format: undefined, id: undefined, title: undefined, summary: '', requires: [], world: 'internet', timeoutMs: DEFAULT_TIMEOUT_MS,
    lang: DEFAULT_LANG, translatedFrom: undefined,
  };
  if (split.yaml === undefined) {
    problems.push({ file, line: 1, column: 1, severity: 'error', message: split.problem ?? t('lint.front-missing') });
    return { fields, problems, readable: false };
  }
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const pos = counter.linePos(offset);
    return { line: split.yamlLine + pos.line - 1, column: pos.col };
  };
  const report = (offset: number, message: string): void => {
    problems.push({ file, ...at(offset), severity: 'error', message });
  };
  for (const error of doc.errors) report(error.pos[0], t('lint.front-yaml', { error: error.message.split('\n')[0] ?? '' }));
  if (doc.errors.length > 0) return { fields, problems, readable: false };

  const seen = new Set<string>();
  if (doc.contents !== null && !isMap(doc.contents)) {
    report(doc.contents.range?.[0] ?? 0, t('lint.front-not-map'));
  } else if (doc.contents !== null) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyOffset = (pair.key as YamlNode | null)?.range?.[0] ?? 0;
      const value = pair.value as YamlNode | null;
      const valueOffset = value?.range?.[0] ?? keyOffset;
      seen.add(key);
      readField(key, value, fields, t, (message, onKey = false) => report(onKey ? keyOffset : valueOffset, message));
    }
  }
  const top = { file, line: 1, column: 1, severity: 'error' as const };
  if (!seen.has('format')) problems.push({ ...top, message: t('lint.front-no-format') });
  if (!seen.has('id')) problems.push({ ...top, message: t('lint.front-no-id', { example: slugify(fields.title ?? '') || 'veth-pairs' }) });
  return { fields, problems, readable: true };
}

/** Checks one `key: value` pair and stores its value in the fields. */
function readField(key: string, node: YamlNode | null, fields: Mutable<FrontMatter>, t: Translate, report: (message: string, onKey?: boolean) => void): void {
  const value: unknown = node === null ? null : node.toJSON();
  switch (key) {
    case 'format':
      if (value === 1) fields.format = 1;
      else report(t('lint.front-format', { value: JSON.stringify(value) }));
      return;
    case 'id': {
      const id = scalarText(value);
      if (id === undefined || id === '') report(t('lint.front-id-empty'));
      else if (!isKebabCase(id)) report(t('lint.front-id-case', { id, example: slugify(id) || 'veth-pairs' }));
      else fields.id = id;
      return;
    }
    case 'title':
    case 'summary': {
      const text = scalarText(value);
      if (text === undefined) report(t('lint.front-one-line', { key }));
      else if (key === 'title') fields.title = text === '' ? undefined : text;
      else fields.summary = text;
      return;
    }
    case 'lang': {
      const lang = readLang(value, t);
      if ('error' in lang) report(lang.error);
      else fields.lang = lang.tag;
      return;
    }
    case 'translated-from': {
      const text = scalarText(value);
      if (text === undefined || !/^[0-9a-f]{12}$/.test(text)) report(t('lint.front-translated-from'));
      else fields.translatedFrom = text;
      return;
    }
    case 'requires':
      readRequires(node, value, fields, report, t);
      return;
    case 'world':
      if (value === 'internet' || value === 'none') fields.world = value;
      else report(t('lint.front-world', { world: String(value), suggestion: didYouMean(String(value), WORLDS, t) }));
      return;
    case 'timeout': {
      if (typeof value === 'number') {
        report(t('lint.front-timeout-unit', { value }));
        return;
      }
      const parsed = parseDuration(String(value ?? ''), t);
      if ('ms' in parsed) fields.timeoutMs = parsed.ms;
      else report(t('lint.front-timeout', { error: parsed.error }));
      return;
    }
    default:
      report(t('lint.front-unknown', { key, suggestion: didYouMean(key, FRONT_MATTER_KEYS, t), fields: FRONT_MATTER_KEYS.join(', ') }), true);
  }
}

/** `lang`: a BCP 47 tag (`en`, `zh-CN`), stored in its canonical spelling. */
function readLang(value: unknown, t: Translate): { readonly tag: string } | { readonly error: string } {
  const text = scalarText(value);
  if (text === undefined || text === '') return { error: t('lint.front-lang-empty') };
  try {
    const [tag] = Intl.getCanonicalLocales(text.replaceAll('_', '-'));
    return tag === undefined ? { error: t('lint.front-lang-bad', { lang: text }) } : { tag };
  } catch {
    return { error: t('lint.front-lang-bad', { lang: text }) };
  }
}

/** `requires`: a list of command names (empty or absent means none). */
function readRequires(node: YamlNode | null, value: unknown, fields: Mutable<FrontMatter>, report: (message: string) => void, t: Translate): void {
  if (value === null) return;
  if (!isSeq(node) || !Array.isArray(value)) {
    report(t('lint.front-requires-list'));
    return;
  }
  const names: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !/^[\w.+-]+$/.test(item)) report(t('lint.front-requires-item', { item: JSON.stringify(item) }));
    else names.push(item);
  }
  fields.requires = names;
}

/** The text of a scalar YAML value (strings, numbers, booleans), else undefined. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Where a front-matter value stands in the file: a field's value, or the nth item of a list field. */
export function locateFrontMatter(text: string, key: string, index?: number): { line: number; column: number } | undefined {
  const split = splitFrontMatter(text);
  if (split.yaml === undefined) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter });
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (pair === undefined) return undefined;
  let node = pair.value as YamlNode | null;
  if (index !== undefined) node = isSeq(node) ? ((node.items[index] as YamlNode | undefined) ?? null) : null;
  const offset = node?.range?.[0] ?? (pair.key as YamlNode | null)?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = counter.linePos(offset);
  return { line: split.yamlLine + pos.line - 1, column: pos.col };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
