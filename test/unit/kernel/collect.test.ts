import { describe, expect, it } from 'vitest';
import { SECTION_MARKER, snapshotScript } from '../../../src/kernel/collect.ts';
import { SNAPSHOT_SYSCTLS } from '../../../src/kernel/types.ts';
import { runCommand } from '../../../src/process/spawn.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('snapshotScript', () => {
  const script = snapshotScript();

  it('is valid bash (the probe shell it runs in)', async () => {
    const r = await runCommand('bash', ['-n', '-c', script]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('runs as a function in the calling shell (no fork) and gives back its options and variables', async () => {
    const before = 'set -eu; _sl_k=mine; _sl_all=(x); echo "opts $-"';
    const after = 'echo "opts $-"; echo "k=$_sl_k all=${_sl_all[*]} i=${_sl_i-unset}"';
    const r = await runCommand('/bin/bash', ['-c', `${before}\n${script}\n${after}`], { env: { PATH: '/nonexistent' } });
    const opts = r.stdout.split('\n').filter((l) => l.startsWith('opts '));
    expect(opts).toHaveLength(2);
    expect(opts[1]).toBe(opts[0]);
    expect(opts[0]).toContain('e');
    expect(r.stdout).toContain('k=mine all=x i=unset\n');
    expect(script).not.toMatch(/^\(/);
  });

  it('reads every namespace kind, one reader after another, each entered directly (no shell in between), the lab host sysctls without a process', () => {
    expect(script).toContain('for _sl_p in /run/netns/*; do');
    expect(script).toContain('_sl_ip=(ip -n "$_sl_n")');
    expect(script).toContain('_sl_e=(nsenter "--net=/run/netns/$_sl_n")');
    expect(script).toContain('_sl_e=(nsenter --net=/run/steplab/world)');
    expect(script).not.toContain('bash -c');
    expect(script).not.toContain('ip netns exec');
    // In a row, not in the background: side by side they cost more on a small VM.
    expect(script).not.toMatch(/ &( |$)/m);
    expect(script).not.toContain('wait');
    for (const key of SNAPSHOT_SYSCTLS) expect(script).toContain(`< /proc/sys/${key.replaceAll('.', '/')}`);
    expect(script).toContain(`sysctl -e ${SNAPSHOT_SYSCTLS.join(' ')}`);
    expect(script).toContain(`echo "${SECTION_MARKER} done"`);
  });

  it('reads only the parts asked for; ip alone costs one process a namespace, no part none at all', () => {
    const ipOnly = snapshotScript(['ip']);
    expect(ipOnly).toContain('"${_sl_ip[@]}" -j -d -force -b "$_sl_b"');
    for (const tool of ['iptables-save', 'ss -H', 'fdb show', 'sysctl -e', '_sl_host_sysctls;']) expect(ipOnly).not.toContain(tool);
    const none = snapshotScript([]);
    expect(none).not.toContain(' -j ');
    expect(none).not.toContain(' &\n');
    expect(none).not.toContain('wait');
    expect(snapshotScript(['iptables'])).toContain('iptables-save -c');
    expect(snapshotScript(['iptables'])).not.toContain('ss -H');
  });

  it('reads only the namespaces named in `only`, the lab host too only when named; the others are listed by name alone', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'steplab-empty-'));
    const markers = async (only: string[]): Promise<string[]> => {
      const r = await runCommand('/bin/bash', ['-c', snapshotScript(['ip'], only)], { env: { PATH: bin } });
      return r.stdout.split('\n').filter((l) => l.startsWith(SECTION_MARKER)).map((l) => l.slice(SECTION_MARKER.length + 1));
    };
    expect(await markers(['netns:c1'])).toEqual(['ns host ', 'end host ', 'done']);
    expect(await markers(['host:', 'netns:c1'])).toEqual(['ns host ', 'ip host ', 'end host ', 'done']);
    const some = snapshotScript(['ip'], ['netns:c1', 'world:world']);
    expect(some).toContain(`_sl_sel=' netns:c1 world:world '`);
    expect(some).toContain('_sl_ns; _sl_read || continue');
    expect(some).toContain(`_sl_read || { echo "${SECTION_MARKER} ns $_sl_k $_sl_n"; echo "${SECTION_MARKER} end $_sl_k $_sl_n"; continue; }`);
    expect(snapshotScript(['ip'])).toContain('_sl_read() { :; }');
  });

  it('keeps reading when the calling shell runs with set -eu and every tool is missing', async () => {
    const r = await runCommand('/bin/bash', ['-euc', `${script}\necho after`], { env: { PATH: '/nonexistent' } });
    expect(r.stdout).toContain(`${SECTION_MARKER} done\nafter\n`);
  });

  it('prints the sections in order for the namespace the shell is in, with empty ones when tools are missing', async () => {
    // With nothing on PATH no reader runs, so only the markers come out: the layout the parser relies on.
    const bin = mkdtempSync(join(tmpdir(), 'steplab-empty-'));
    const r = await runCommand('/bin/bash', ['-c', script], { env: { PATH: bin } });
    const markers = r.stdout.split('\n').filter((l) => l.startsWith(SECTION_MARKER)).map((l) => l.slice(SECTION_MARKER.length + 1));
    expect(markers).toEqual(['ns host ', 'ip host ', 'iptables host ', 'fdb host ', 'sysctl host ', 'listen host ', 'end host ', 'done']);
  });
});
