import { describe, expect, it } from 'vitest';
import { SECTION_MARKER, snapshotScript } from '../../../src/kernel/collect.ts';
import { SNAPSHOT_SYSCTLS } from '../../../src/kernel/types.ts';
import { runCommand } from '../../../src/process/spawn.ts';

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

  it('reads every namespace kind and every snapshot sysctl', () => {
    expect(script).toContain('ip netns list');
    expect(script).toContain('ip netns exec "$_sl_n" sh -c "$_sl_r"');
    expect(script).toContain('nsenter --net=/run/steplab/world sh -c "$_sl_r"');
    for (const key of SNAPSHOT_SYSCTLS) expect(script).toContain(key);
    expect(script).toContain(`echo "${SECTION_MARKER} done"`);
  });

  it('keeps reading when the calling shell runs with set -eu and every tool is missing', async () => {
    const r = await runCommand('/bin/sh', ['-euc', `${script}\necho after`], { env: { PATH: '/nonexistent' } });
    expect(r.stdout).toContain(`${SECTION_MARKER} done\nafter\n`);
  });

  it('prints the sections in order for the namespace the shell is in, with empty ones when tools are missing', async () => {
    // With PATH emptied no tool runs, so only the markers come out: the layout the parser relies on.
    const r = await runCommand('/bin/sh', ['-c', script], { env: { PATH: '/nonexistent' } });
    const markers = r.stdout.split('\n').filter((l) => l.startsWith(SECTION_MARKER)).map((l) => l.slice(SECTION_MARKER.length + 1));
    expect(markers).toEqual(['ns host ', 'ip host ', 'iptables host ', 'fdb host ', 'sysctl host ', 'listen host ', 'end host ', 'done']);
  });
});
