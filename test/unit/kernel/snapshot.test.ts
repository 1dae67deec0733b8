import { describe, expect, it } from 'vitest';
import { SteplabError } from '../../../src/errors.ts';
import { SECTION_MARKER, snapshotScript } from '../../../src/kernel/collect.ts';
import { takeSnapshot } from '../../../src/kernel/snapshot.ts';
import type { ShellResult } from '../../../src/sandbox/types.ts';
import { fixtureText } from './fixtures.ts';

/** A probe that answers every call with one canned result and records the code it was given. */
function cannedProbe(result: Partial<ShellResult>): { probe: (code: string) => Promise<ShellResult>; calls: string[] } {
  const calls: string[] = [];
  const probe = async (code: string): Promise<ShellResult> => {
    calls.push(code);
    return { exitCode: 0, output: '', timedOut: false, durationMs: 12, ...result };
  };
  return { probe, calls };
}

describe('takeSnapshot', () => {
  it('runs the snapshot script once and parses what it printed', async () => {
    const { probe, calls } = cannedProbe({ output: fixtureText('veth-pair') });
    const snapshot = await takeSnapshot(probe);
    expect(calls).toEqual([snapshotScript()]);
    expect(snapshot.namespaces.map((ns) => ns.name)).toEqual([undefined, 'blue', 'red', 'world']);
  });

  it('still parses output that came with a non-zero exit', async () => {
    const { probe } = cannedProbe({ exitCode: 1, output: `${fixtureText('empty-host')}ip: something failed\n` });
    const snapshot = await takeSnapshot(probe);
    expect(snapshot.namespaces[0]?.links.map((l) => l.name)).toEqual(['lo']);
  });

  it('throws SANDBOX_BROKEN with the output tail when the host links are missing', async () => {
    const { probe } = cannedProbe({ exitCode: 127, output: 'sh: 1: ip: not found\n' });
    const error = await takeSnapshot(probe).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SteplabError);
    expect((error as SteplabError).code).toBe('SANDBOX_BROKEN');
    expect((error as SteplabError).message).toBe(
      "Could not read the sandbox's network state: the snapshot script exited 127 without listing the lab host's links.\nsh: 1: ip: not found",
    );
    expect((error as SteplabError).hint).toContain('ip -j -d addr show');
  });

  it('asks for the lab host\'s links only when it was read', async () => {
    const M = SECTION_MARKER;
    const onlyC1 = `${M} ns host \n${M} end host \n${M} ns netns c1\n${M} ip netns c1\n${M} end netns c1\n${M} done\n`;
    const { probe } = cannedProbe({ output: onlyC1 });
    await expect(takeSnapshot(probe, ['ip'], ['netns:c1'])).resolves.toMatchObject({ namespaces: [{ kind: 'host' }, { kind: 'netns', name: 'c1' }] });
    await expect(takeSnapshot(probe, ['ip'], ['host:', 'netns:c1'])).rejects.toThrow("without listing the lab host's links");
  });

  it('says when the script timed out', async () => {
    const { probe } = cannedProbe({ exitCode: 124, timedOut: true, durationMs: 5000, output: '' });
    await expect(takeSnapshot(probe)).rejects.toThrow('the snapshot script timed out after 5000 ms');
  });
});
