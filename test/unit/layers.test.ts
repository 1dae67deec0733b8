// The folders of src/ are layers (docs/architecture.md): imports point only down, no folder imports one that imports
// it back (type-only imports count), no module cycle, and lesson/ does no IO. dependency-cruiser reads the imports;
// swc parses the TypeScript for it (TypeScript 7 has no JavaScript API to lend it).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');

/** src/'s folders and top-level modules, top layer first. A layer imports only the layers after it; one layer's folders may import each other one way. */
const LAYERS: readonly (readonly string[])[] = [
  ['cli'],
  ['report', 'oracle', 'room'],
  ['run', 'explainer', 'topology', 'progress', 'course'],
  ['lesson'],
  ['assert'],
  ['diff'],
  ['kernel'],
  ['sandbox'],
  ['target'],
  ['process'],
  ['util', 'i18n', 'lab-types.ts', 'lab-tools.ts', 'errors.ts'],
];

/** Node's modules that reach outside the process (files, processes, the network, the machine); node:path, node:url and node:crypto's hashes do not. */
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'dgram', 'dns', 'http', 'https', 'http2', 'tls', 'os', 'readline', 'tty', 'worker_threads', 'cluster', 'process'];

/** The path pattern of some of src/'s folders or modules. */
function under(names: readonly string[]): string {
  return `^src/(${names.map((n) => (n.endsWith('.ts') ? `${n.replace('.', '[.]')}$` : `${n}/`)).join('|')})`;
}

/** The rules: no upward import, one per layer; no folder cycle; no module cycle; lesson/ imports none of Node's modules. */
const RULES: IForbiddenRuleType[] = [
  ...LAYERS.slice(1).map((layer, i): IForbiddenRuleType => ({
    name: `upward-import-from-${layer.join('-')}`,
    severity: 'error',
    from: { path: under(layer) },
    to: { path: under(LAYERS.slice(0, i + 1).flat()) },
  })),
  { name: 'folder-cycle', severity: 'error', scope: 'folder', from: { path: '^src/' }, to: { circular: true } },
  { name: 'module-cycle', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  { name: 'io-in-pure-lesson', severity: 'error', from: { path: '^src/lesson/' }, to: { dependencyTypes: ['core'], path: `^(${IO_MODULES.join('|')})$` } },
];

/** The layer a module of src/ belongs to, by its folder (or its own name at the top). */
function placeOf(source: string): string {
  return source.replace(/^src\//, '').split('/')[0] ?? source;
}

/** Every broken rule as `from → to: rule`, and each module of src/ whose folder has no layer. */
async function check(root: string): Promise<{ violations: string[]; unplaced: string[] }> {
  const { output } = await cruise(['src'], {
    baseDir: root, parser: 'swc', tsPreCompilationDeps: true, validate: true,
    ruleSet: { forbidden: RULES }, doNotFollow: { path: 'node_modules' },
  });
  const result = output as ICruiseResult;
  const violations = result.summary.violations.map((v) => `${v.from} → ${v.to}: ${v.rule.name}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
  const placed = new Set(LAYERS.flat());
  const unplaced = result.modules.map((m) => m.source).filter((s) => s.startsWith('src/') && !placed.has(placeOf(s)));
  return { violations, unplaced };
}

describe('src/ layers', () => {
  it('import only downward, without cycles, and lesson/ does no IO', async () => {
    const { violations, unplaced } = await check(repo);
    expect(unplaced, 'a new folder of src/ needs its place in LAYERS here and in docs/architecture.md').toEqual([]);
    expect(violations, 'an import breaks the layers: move the shared code down, or the importer up (docs/architecture.md)').toEqual([]);
  });

  it('are caught when broken: an upward import (a type-only one too), a folder cycle, a module cycle, IO in lesson/, an unplaced folder', async () => {
    const { violations, unplaced } = await check(join(repo, 'test/fixtures/layers'));
    expect(violations.toSorted()).toEqual([
      'src/cli → src/lesson: folder-cycle (src/lesson → src/cli)',
      'src/cli/main.ts → src/lesson/parse.ts: module-cycle (src/lesson/parse.ts → src/cli/main.ts)',
      'src/lesson → src/cli: folder-cycle (src/cli → src/lesson)',
      'src/lesson/parse.ts → fs: io-in-pure-lesson',
      'src/lesson/parse.ts → src/cli/main.ts: upward-import-from-lesson',
      'src/process/spawn.ts → src/sandbox/sandbox.ts: upward-import-from-process',
    ]);
    expect(unplaced).toEqual(['src/attic/door.ts']);
  });

  it('are the ones docs/architecture.md draws, in its order', async () => {
    const doc = await readFile(join(repo, 'docs/architecture.md'), 'utf8');
    const tree = /```text\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const drawn = [...tree.matchAll(/^[\s│├└─]*([a-z][\w-]*(?:\/|\.ts))\s/gm)].map((m) => (m[1] ?? '').replace(/\/$/, ''));
    const code = LAYERS.flat();
    expect(drawn.toSorted()).toEqual(code.toSorted());
    const layerOf = (name: string): number => LAYERS.findIndex((layer) => layer.includes(name));
    expect(drawn.map(layerOf)).toEqual(drawn.map(layerOf).toSorted((a, b) => a - b));
  });
});
