import { describe, expect, it } from 'vitest';
import { SECTION_MARKER, snapshotScript } from '../../../src/kernel/collect.ts';
import { SNAPSHOT_SYSCTLS } from '../../../src/kernel/types.ts';
import { runCommand } from '../../../src/process/spawn.ts';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a command lives on this machine. */
const execPath = (name: string): string => ['/usr/bin', '/bin'].map((d) => join(d, name)).find((p) => existsSync(p)) ?? name;

describe('snapshotScript', () => {
  const script = snapshotScript();

  it('is valid POSIX sh (dash parses it)', async () => {
    const r = await runCommand('sh', ['-n', '-c', script]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('runs in a subshell so it leaves the probe shell untouched', () => {
    expect(script.startsWith('(\n')).toBe(true);
    expect(script.endsWith('\n)')).toBe(true);
  });

  it('reads every namespace kind, side by side, and every snapshot sysctl without a process', () => {
    expect(script).toContain('for _sl_p in /run/netns/*; do');
    expect(script).toContain('ip netns exec "$_sl_n" bash -c "$_sl_r"');
    expect(script).toContain('nsenter --net=/run/steplab/world bash -c "$_sl_r"');
    expect(script).toContain('\nwait\n');
    for (const key of SNAPSHOT_SYSCTLS) expect(script).toContain(`< /proc/sys/${key.replaceAll('.', '/')}`);
    expect(script).not.toContain('sysctl -e');
    expect(script).toContain(`echo "${SECTION_MARKER} done"`);
  });

  it('reads only the parts asked for; ip alone costs one process a namespace', () => {
    const ipOnly = snapshotScript(['ip']);
    expect(ipOnly).toContain('ip -n "$_sl_n" -j -d -force -b "$_sl_b"');
    expect(ipOnly).not.toContain('ip netns exec');
    for (const tool of ['iptables-save', 'ss -H', 'bridge -j fdb', '/proc/sys/']) expect(ipOnly).not.toContain(tool);
    const none = snapshotScript([]);
    expect(none).not.toContain('ip -j');
    expect(snapshotScript(['iptables'])).toContain('iptables-save -c');
    expect(snapshotScript(['iptables'])).not.toContain('ss -H');
  });

  it('keeps reading when the calling shell runs with set -eu and every tool is missing', async () => {
    const r = await runCommand('/bin/sh', ['-euc', `${script}\necho after`], { env: { PATH: '/nonexistent' } });
    expect(r.stdout).toContain(`${SECTION_MARKER} done\nafter\n`);
  });

  it('prints the sections in order for the namespace the shell is in, with empty ones when tools are missing', async () => {
    // With only cat on PATH no reader runs, so only the markers come out: the layout the parser relies on.
    const bin = mkdtempSync(join(tmpdir(), 'steplab-cat-'));
    symlinkSync(execPath('cat'), join(bin, 'cat'));
    const r = await runCommand('/bin/sh', ['-c', script], { env: { PATH: bin } });
    const markers = r.stdout.split('\n').filter((l) => l.startsWith(SECTION_MARKER)).map((l) => l.slice(SECTION_MARKER.length + 1));
    expect(markers).toEqual(['ns host ', 'ip host ', 'iptables host ', 'fdb host ', 'sysctl host ', 'listen host ', 'end host ', 'done']);
  });
});
