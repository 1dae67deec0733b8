// The lab's shells are root inside the lab: started from a normal user's PATH (no sbin folders), every
// shell (lesson, probe, interactive) still finds iptables and sysctl; root's id range meets no subuid entry.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import type { Sandbox } from '../../src/sandbox/types.ts';
import { localTarget } from '../../src/target/local.ts';
import { sandboxUnavailable } from './host-state.ts';

const skip = await sandboxUnavailable();
if (skip) console.warn(`skipping lab PATH tests: ${skip}`);

/** Debian's PATH for a normal user's login shell. */
const USER_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/games';

describe.skipIf(skip)('the lab`s PATH and ids', () => {
  let sandbox: Sandbox;
  const saved = process.env.PATH;

  beforeAll(async () => {
    process.env.PATH = USER_PATH;
    sandbox = await startSandbox(localTarget(), { world: 'internet' });
  });
  afterAll(async () => {
    process.env.PATH = saved;
    await sandbox?.dispose();
  });

  it('finds the sbin tools in the lesson shell and the probe shell', async () => {
    const lesson = await sandbox.run('command -v iptables sysctl bridge', { timeoutMs: 5000 });
    expect(lesson.output).toMatch(/^\/usr\/sbin\/iptables\n\/usr\/sbin\/sysctl\n\/(usr\/)?sbin\/bridge\n$/);
    const probe = await sandbox.probe('command -v iptables-save');
    expect(probe.output).toBe('/usr/sbin/iptables-save\n');
  });

  it('started init with the sbin folders too (its sysctl turned forwarding off)', async () => {
    // /run/steplab/env.sh holds init's own PATH, after the stand-ins' folder.
    const r = await sandbox.probe('cat /proc/sys/net/ipv4/ip_forward; grep -o "PATH=.*" /run/steplab/env.sh');
    expect(r.output).toBe(`0\nPATH=/run/steplab/bin:${USER_PATH}:/usr/local/sbin:/usr/sbin:/sbin\n`);
  });

  it('gives the interactive shell the same PATH, HOME and prompt', async () => {
    const [file, ...args] = sandbox.interactiveArgv();
    const r = await runCommand(file as string, args, { input: 'echo "$HOME $PWD"; command -v sysctl; exit\n', timeoutMs: 10_000 });
    expect(r.stdout).toBe('/root /root\n/usr/sbin/sysctl\n');
    expect(r.stderr).toContain('lab# ');
  });

  it.skipIf(process.getuid?.() !== 0)('maps root`s ids to a range no /etc/subuid or /etc/subgid entry covers', async () => {
    const r = await sandbox.probe('cat /proc/self/uid_map /proc/self/gid_map');
    const maps = r.output.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
    expect(maps).toHaveLength(2);
    const entries: number[][] = [];
    for (const file of ['/etc/subuid', '/etc/subgid']) {
      const text = await readFile(file, 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        const [, start, count] = line.split(':');
        if (start && count) entries.push([Number(start), Number(count)]);
      }
    }
    for (const [inside, outside, count] of maps as [number, number, number][]) {
      expect([inside, count]).toEqual([0, 65536]);
      // useradd's first range is 100000-165535: the lab's root must not be that user.
      expect(outside).toBeGreaterThan(600_100_000);
      for (const [start, n] of entries) expect(outside + count <= start! || start! + n! <= outside, `meets ${start}:${n}`).toBe(true);
    }
  });
});
