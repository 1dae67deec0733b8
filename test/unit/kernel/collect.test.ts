import { describe, expect, it } from 'vitest';
import { SECTION_MARKER, snapshotScript } from '../../../src/kernel/collect.ts';
import { SNAPSHOT_SYSCTLS } from '../../../src/kernel/types.ts';
import { runCommand } from '../../../src/process/spawn.ts';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The marker lines of a snapshot's output, without the marker. */
const markersOf = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith(SECTION_MARKER)).map((l) => l.slice(SECTION_MARKER.length + 1));

/**
 * A folder of stand-in tools that log their arguments to `calls` and print `TOOL out` (ip: a bridge in
 * the lab host, a plain link elsewhere), without a newline at the end, as a reader might.
 */
function standIns(): { bin: string; calls: () => string[] } {
  const bin = mkdtempSync(join(tmpdir(), 'steplab-tools-'));
  const log = join(bin, 'calls');
  writeFileSync(log, '');
  const tool = (name: string, body: string): void => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${log}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool('ip', `case "$*" in -n*) printf '[{"ifname":"eth0"}]' ;; *) printf '[{"ifname":"br0","linkinfo":{"info_kind":"bridge"}}]' ;; esac`);
  for (const name of ['iptables-save', 'bridge', 'sysctl', 'ss']) tool(name, `printf '${name} out'`);
  return { bin, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
}

describe('snapshotScript', () => {
  const script = snapshotScript();

  it('is valid POSIX sh (the reader shell it runs in is dash on Debian)', async () => {
    const r = await runCommand('dash', ['-n', '-c', script]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('reads every namespace kind, one reader after another, each entered directly (no shell in between), the lab host sysctls without a process', () => {
    expect(script).toContain('for _sl_p in /run/netns/*; do');
    expect(script).toContain('_sl_o=$(ip -n "$_sl_n" -j -d -force -b "$_sl_b" 2>/dev/null </dev/null)');
    expect(script).toContain('_sl_o=$(nsenter "--net=/run/netns/$_sl_n" iptables-save -c 2>/dev/null </dev/null)');
    expect(script).toContain('_sl_o=$(nsenter --net=/run/steplab/world ss -Hltnup 2>/dev/null </dev/null)');
    expect(script).not.toContain('bash');
    expect(script).not.toContain('ip netns exec');
    // In a row, not in the background: side by side they cost more on a small VM.
    expect(script).not.toMatch(/ &( |$)/m);
    expect(script).not.toContain('wait');
    // No subshell of its own: a fork costs as much as a reader.
    expect(script).not.toMatch(/^\s*\(/m);
    for (const key of SNAPSHOT_SYSCTLS) expect(script).toContain(`< /proc/sys/${key.replaceAll('.', '/')}`);
    expect(script).toContain(`sysctl -e ${SNAPSHOT_SYSCTLS.join(' ')}`);
    expect(script).toContain(`echo "${SECTION_MARKER} done"`);
  });

  it('starts one process a reader, prints each output whole with a newline at its end, and reads forwarding entries only where ip saw a bridge', async () => {
    const { bin, calls } = standIns();
    // The lab host's state is read where the script runs; a namespace by name needs /run/netns, which a unit test lacks.
    const r = await runCommand('/bin/sh', ['-c', script], { env: { PATH: bin } });
    const [ip, ...rest] = calls();
    expect(ip).toMatch(/^ip -j -d -force -b \S+\.batch$/);
    expect(rest).toEqual(['iptables-save -c', 'bridge -j fdb show', 'ss -Hltnup']);
    // The lab host's sysctls come from /proc/sys with the shell's read: no sysctl process ran.
    const lines = r.stdout.split('\n');
    const sysctls = lines.slice(lines.indexOf(`${SECTION_MARKER} sysctl host `) + 1, lines.indexOf(`${SECTION_MARKER} listen host `));
    expect(sysctls.every((l) => / = /.test(l))).toBe(true);
    expect(lines.filter((l) => !sysctls.includes(l))).toEqual([
      `${SECTION_MARKER} ns host `,
      `${SECTION_MARKER} ip host `,
      '[{"ifname":"br0","linkinfo":{"info_kind":"bridge"}}]',
      `${SECTION_MARKER} iptables host `,
      'iptables-save out',
      `${SECTION_MARKER} fdb host `,
      'bridge out',
      `${SECTION_MARKER} sysctl host `,
      `${SECTION_MARKER} listen host `,
      'ss out',
      `${SECTION_MARKER} end host `,
      `${SECTION_MARKER} done`,
      '',
    ]);
  });

  it('reads no forwarding entries where ip saw no bridge', async () => {
    const { bin, calls } = standIns();
    writeFileSync(join(bin, 'ip'), `#!/bin/sh
echo "ip $*" >> ${join(bin, 'calls')}
printf '[{"ifname":"eth0"}]'
`);
    const r = await runCommand('/bin/sh', ['-c', snapshotScript(['ip', 'fdb'])], { env: { PATH: bin } });
    expect(calls()).toHaveLength(1);
    expect(markersOf(r.stdout)).toEqual(['ns host ', 'ip host ', 'fdb host ', 'end host ', 'done']);
  });

  it('reads only the parts asked for; ip alone costs one process a namespace, no part none at all', async () => {
    const ipOnly = snapshotScript(['ip']);
    expect(ipOnly).toContain('-j -d -force -b "$_sl_b"');
    for (const tool of ['iptables-save', 'ss -H', 'fdb show', 'sysctl -e', '/proc/sys/']) expect(ipOnly).not.toContain(tool);
    const { bin, calls } = standIns();
    await runCommand('/bin/sh', ['-c', ipOnly], { env: { PATH: bin } });
    expect(calls()).toHaveLength(1);
    const none = snapshotScript([]);
    expect(none).not.toContain(' -j ');
    expect(none).not.toContain('$(');
    expect(none).not.toContain('wait');
    expect(snapshotScript(['iptables'])).toContain('iptables-save -c');
    expect(snapshotScript(['iptables'])).not.toContain('ss -H');
  });

  it('reads only the namespaces named in `only`, the lab host too only when named; the others are listed by name alone', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'steplab-empty-'));
    const markers = async (only: string[]): Promise<string[]> => markersOf((await runCommand('/bin/sh', ['-c', snapshotScript(['ip'], only)], { env: { PATH: bin } })).stdout);
    expect(await markers(['netns:c1'])).toEqual(['ns host ', 'end host ', 'done']);
    expect(await markers(['host:', 'netns:c1'])).toEqual(['ns host ', 'ip host ', 'end host ', 'done']);
    const some = snapshotScript(['ip'], ['netns:c1', 'world:world']);
    expect(some).toContain(`_sl_sel=' netns:c1 world:world '`);
    expect(snapshotScript(['ip'])).toContain('_sl_read() { :; }');
  });

  it('keeps reading when the shell runs with set -eu and every tool is missing', async () => {
    const r = await runCommand('/bin/sh', ['-euc', `${script}\necho after`], { env: { PATH: '/nonexistent' } });
    expect(r.stdout).toContain(`${SECTION_MARKER} done\nafter\n`);
  });

  it('prints the sections in order for the namespace the shell is in, with empty ones when tools are missing', async () => {
    // With nothing on PATH no reader runs, so only the markers come out: the layout the parser relies on.
    const bin = mkdtempSync(join(tmpdir(), 'steplab-empty-'));
    const r = await runCommand('/bin/sh', ['-c', script], { env: { PATH: bin } });
    expect(markersOf(r.stdout)).toEqual(['ns host ', 'ip host ', 'iptables host ', 'fdb host ', 'sysctl host ', 'listen host ', 'end host ', 'done']);
  });
});
