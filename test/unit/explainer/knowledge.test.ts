// Every entry of the command knowledge is well-formed and reachable: a command using it is explained by it.

import { describe, expect, it } from 'vitest';
import { TOOLS } from '../../../src/explainer/knowledge/index.ts';
import type { CommandNode, KeywordSpec, OptionSpec, Tool, ValueSpec, Vocabulary } from '../../../src/explainer/types.ts';
import { findSubcommand } from '../../../src/explainer/engine.ts';
import { keyPattern } from '../../../src/explainer/vocabulary.ts';
import { placeholders } from '../../../src/explainer/template.ts';
import { explainCommand } from '../../../src/explainer/explain-command.ts';

/** A node with the words that reach it and the options in scope there. */
interface Place {
  readonly tool: Tool;
  readonly node: CommandNode;
  readonly path: readonly string[];
  readonly options: readonly OptionSpec[];
}

/** Every node of every tool, depth first. */
function places(): Place[] {
  const all: Place[] = [];
  const visit = (tool: Tool, node: CommandNode, path: string[], options: OptionSpec[]): void => {
    const scope = [...options, ...(node.options ?? [])];
    all.push({ tool, node, path, options: scope });
    for (const sub of node.commands ?? []) visit(tool, sub, [...path, sub.names[0] ?? ''], scope);
  };
  for (const tool of TOOLS) visit(tool, tool, [], []);
  return all;
}

/** Every value spec, vocabulary and template of a tool. */
function walkTool(tool: Tool): { values: ValueSpec[]; vocabularies: Vocabulary[]; binds: Set<string>; templates: string[] } {
  const values: ValueSpec[] = [];
  const vocabularies: Vocabulary[] = [];
  const binds = new Set(['effects', 'command', 'value', ...Object.keys(tool.defaults ?? {})]);
  const templates: string[] = [];
  const visit = (node: CommandNode): void => {
    for (const key of Object.keys(node.defaults ?? {})) binds.add(key);
    templates.push(...(node.summary ?? []));
    const items = [...(node.options ?? []), ...(node.keywords ?? []), ...(node.positionals ?? [])];
    for (const item of items) {
      if (item.value !== undefined) values.push(item.value);
      if (item.effect !== undefined) templates.push(...(typeof item.effect === 'string' ? [item.effect] : item.effect));
      if ('context' in item && item.context !== undefined) templates.push(item.context);
    }
    if (node.rest?.bind !== undefined) binds.add(node.rest.bind);
    if (node.rest?.values !== undefined) vocabularies.push(node.rest.values);
    for (const sub of node.commands ?? []) visit(sub);
  };
  visit(tool);
  for (const value of values) {
    if (value.bind !== undefined) binds.add(value.bind);
    if (value.bind !== undefined && value.split !== undefined) binds.add(`${value.bind}-value`);
    if (value.values !== undefined) vocabularies.push(value.values);
  }
  return { values, vocabularies, binds, templates };
}

const CANDIDATES = ['1', 'x', 'ACCEPT', '/run/x', '@x', 'A=1', '10.0.0.1', 'x:1'];

/** A value that the spec accepts, for building a sample command. */
function sample(spec: ValueSpec): string {
  const exact = Object.keys(spec.values ?? {}).find((key) => keyPattern(key) === undefined);
  const fits = (word: string): boolean => spec.pattern === undefined || new RegExp(spec.pattern).test(word);
  if (spec.script) return 'true';
  if (spec.closed && exact !== undefined) return exact;
  return CANDIDATES.find(fits) ?? 'x';
}

/** The fixed start of a meaning template, before its first placeholder. */
const prefix = (meaning: string): string => meaning.split('{')[0]?.split('(')[0]?.trim() ?? '';

describe('the command knowledge', () => {
  it('gives each program name to one tool', () => {
    const names = TOOLS.flatMap((t) => t.names);
    expect(names.filter((n, k) => names.indexOf(n) !== k)).toEqual([]);
  });

  it.each(TOOLS.map((t) => [t.names[0], t] as const))('%s: vocabulary keys compile and templates use only bindable placeholders', (_name, tool) => {
    const { vocabularies, binds, templates } = walkTool(tool);
    for (const vocabulary of vocabularies) {
      expect(Object.keys(vocabulary).length).toBeGreaterThan(0);
      for (const key of Object.keys(vocabulary)) expect(() => keyPattern(key)).not.toThrow();
    }
    for (const template of templates) for (const name of placeholders(template)) expect(binds, `{${name}} in "${template}"`).toContain(name);
  });

  const all = places();

  it.each(all.filter((p) => p.path.length > 0).map((p) => [[p.tool.names[0], ...p.path].join(' '), p] as const))(
    '%s: each name of the subcommand reaches it',
    (_label, place) => {
      const parent = all.find((p) => p.tool === place.tool && p.node.commands?.includes(place.node));
      expect(parent).toBeDefined();
      for (const name of place.node.names) expect(findSubcommand(parent?.node ?? place.node, name)).toBe(place.node);
      expect(place.node.meaning).not.toBe('');
    },
  );

  it.each(all.map((p) => [[p.tool.names[0], ...p.path].join(' '), p] as const))('%s: options are well-formed, unique in scope and reachable', (_label, place) => {
    const names = place.options.flatMap((o) => o.names);
    expect(names.filter((n, k) => names.indexOf(n) !== k), 'option names given twice in one scope').toEqual([]);
    for (const option of place.node.options ?? []) {
      for (const name of option.names) {
        expect(name).toMatch(/^-/);
        const words = [place.tool.names[0] ?? '', ...place.path, name, ...(option.value && !option.value.optional ? [sample(option.value)] : [])];
        const explained = explainCommand(words);
        expect(explained.unknown, words.join(' ')).toEqual([]);
        const part = explained.parts.findLast((p) => p.words === name || p.words.startsWith(`${name} `) || p.words.startsWith(`${name}=`));
        expect(part?.meaning, words.join(' ')).toContain(prefix(option.meaning));
        expect(part?.meaning).not.toMatch(/\{[a-z]+\}/);
      }
    }
  });

  it.each(all.filter((p) => (p.node.keywords ?? []).length > 0).map((p) => [[p.tool.names[0], ...p.path].join(' '), p] as const))(
    '%s: keywords are reachable',
    (_label, place) => {
      const spellings = (place.node.keywords ?? []).flatMap((k) => k.words);
      expect(spellings.filter((w, k) => spellings.indexOf(w) !== k), 'keywords spelled twice').toEqual([]);
      for (const keyword of place.node.keywords ?? ([] as KeywordSpec[])) {
        for (const spelling of keyword.words) {
          const words = [place.tool.names[0] ?? '', ...place.path, ...spelling.split(' '), ...(keyword.value ? [sample(keyword.value)] : [])];
          const explained = explainCommand(words);
          expect(explained.unknown, words.join(' ')).toEqual([]);
          const part = explained.parts.findLast((p) => p.words === spelling || p.words.startsWith(`${spelling} `));
          expect(part?.meaning, words.join(' ')).toContain(prefix(keyword.meaning));
        }
      }
    },
  );

  it.each(all.map((p) => [[p.tool.names[0], ...p.path].join(' '), p] as const))('%s: meanings use only {value} and {gloss}', (_label, place) => {
    const items = [...(place.node.options ?? []), ...(place.node.keywords ?? []), ...(place.node.positionals ?? [])];
    for (const item of items) for (const name of placeholders(item.meaning)) expect(['value', 'gloss']).toContain(name);
    expect(placeholders(place.node.meaning)).toEqual([]);
  });
});
