// `steplab verify --shard K/N` with the real CLI on the fixture course: each shard runs its own lessons, and only those.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const COURSE = join(import.meta.dirname, '../fixtures/course');
const skip = await sandboxUnavailable();
if (skip) console.warn(`skipping shard end-to-end tests: ${skip}`);

const steplab = (...args: string[]) => runCommand(process.execPath, [BIN, ...args], { timeoutMs: 120_000, env: { CI: 'true' } });

describe.skipIf(skip)('steplab verify --shard', () => {
  it('splits the course between shards, one JUnit report each, every lesson in exactly one', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-shard-'));
    const ids = [];
    for (const shard of ['1/2', '2/2']) {
      const output = join(dir, `${shard.replace('/', '-')}.xml`);
      const r = await steplab('verify', COURSE, '--shard', shard, '--reporter', 'junit', '--output', output);
      expect(r.stderr).toContain(`Shard ${shard}: 1 of the 2 lessons.`);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
      expect(r.exitCode).toBe(0);
      ids.push([...(await readFile(output, 'utf8')).matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]));
    }
    expect(ids).toEqual([['fixture-namespaces'], ['fixture-challenge']]);

    const merged = await steplab('merge-junit', '--output', join(dir, 'all.xml'), join(dir, '1-2.xml'), join(dir, '2-2.xml'));
    expect(merged.exitCode, merged.stderr).toBe(0);
    const all = await readFile(join(dir, 'all.xml'), 'utf8');
    expect([...all.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1])).toEqual(['fixture-namespaces', 'fixture-challenge']);
    const twice = await steplab('merge-junit', join(dir, '1-2.xml'), join(dir, 'all.xml'));
    expect(twice.stderr).toContain(`lesson "fixture-namespaces" is in both ${join(dir, '1-2.xml')} and ${join(dir, 'all.xml')}`);
    expect(twice.exitCode).toBe(2);
  });

  it('passes with an empty report when there are more shards than lessons', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'steplab-shard-')), 'junit.xml');
    const r = await steplab('verify', COURSE, '--shard', '3/3', '--reporter', 'junit', '--output', output);
    expect(r.stderr).toContain('Shard 3/3: 0 of the 2 lessons.');
    expect(r.exitCode).toBe(0);
    expect(await readFile(output, 'utf8')).not.toContain('<testsuite ');
  });

  it('rejects a shard that does not exist with the form to use', async () => {
    const r = await steplab('verify', COURSE, '--shard', '0/2');
    expect(r.stderr).toContain('--shard takes K/N with 1 ≤ K ≤ N, not "0/2"');
    expect(r.exitCode).toBe(2);
  });
});
