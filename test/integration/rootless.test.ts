// The same verify run as an unprivileged user: the sandbox needs no root (CI names the user in STEPLAB_ROOTLESS_USER).

import { chmod, mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { hostNetworkState } from './host-state.ts';

const user = process.env.STEPLAB_ROOTLESS_USER;
const required = Boolean(process.env.STEPLAB_REQUIRE_TARGETS);
const reason = process.getuid?.() !== 0 ? 'the tests are not running as root, so they cannot switch to another user' : !user ? 'STEPLAB_ROOTLESS_USER names no unprivileged user' : undefined;
if (reason && !required) console.warn(`skipping rootless tests: ${reason}`);

describe.skipIf(reason !== undefined && !required)('verify as an unprivileged user', () => {
  const repo = join(import.meta.dirname, '../..');
  let copy: string | undefined;
  beforeAll(async () => {
    if (reason) return;
    // A copy the users can read, wherever the checkout lives. node_modules is nearly all of it (150 MB, slow to copy on a
    // loaded machine): linked where every user can read it in place, copied (natively) only where they cannot.
    copy = await mkdtemp(join(tmpdir(), 'steplab-rootless-'));
    await chmod(copy, 0o755);
    const parts = ['bin', 'src', 'lessons', 'test/fixtures/course', 'package.json'];
    const modules = join(repo, 'node_modules');
    const readableBy = async (who: string): Promise<boolean> => (await runCommand('/usr/sbin/runuser', ['-u', who, '--', 'test', '-r', join(modules, 'execa/package.json')])).exitCode === 0;
    if ((await readableBy(user as string)) && (await readableBy('nobody'))) await symlink(await realpath(modules), join(copy, 'node_modules'));
    else parts.push('node_modules');
    for (const part of parts) {
      await mkdir(dirname(join(copy, part)), { recursive: true });
      const r = await runCommand('cp', ['-a', join(repo, part), join(copy, part)]);
      expect(r.stderr).toBe('');
    }
    await runCommand('chmod', ['-R', 'a+rX', ...parts.map((p) => join(copy as string, p))]);
  });
  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('passes the fixture course and the first lessons, and leaves the host as it was', async () => {
    expect(reason, reason).toBeUndefined();
    const before = await hostNetworkState();
    const lessons = ['test/fixtures/course', 'lessons/01-network-namespaces.md', 'lessons/02-veth-pairs.md', 'lessons/03-linux-bridge.md'];
    const r = await runCommand('/usr/sbin/runuser', ['-u', user as string, '--', process.execPath, 'bin/steplab.js', 'verify', '--jobs', '2', ...lessons], {
      cwd: copy as string,
      timeoutMs: 180_000,
      // Debian's login PATH for a normal user: no sbin folders, yet lesson 01 requires iptables.
      env: { CI: 'true', HOME: copy as string, PATH: '/usr/local/bin:/usr/bin:/bin:/usr/games' },
    });
    expect(r.stdout + r.stderr).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.exitCode).toBe(0);
    const id = await runCommand('/usr/sbin/runuser', ['-u', user as string, '--', 'id', '-u']);
    expect(id.stdout.trim()).not.toBe('0');
    expect(await hostNetworkState()).toBe(before);
  }, 200_000);

  it('says why a lesson that needs tcpdump cannot run for a user without subordinate ids, and the fix for that user', async () => {
    expect(reason, reason).toBeUndefined();
    // nobody has no /etc/subuid entry: the sandbox maps a single id.
    const r = await runCommand('/usr/sbin/runuser', ['-u', 'nobody', '--', process.execPath, 'bin/steplab.js', 'verify', 'test/fixtures/course', 'lessons/02-veth-pairs.md'], {
      cwd: copy as string,
      timeoutMs: 120_000,
      env: { CI: 'true', HOME: copy as string, PATH: '/usr/local/bin:/usr/bin:/bin:/usr/games' },
    });
    const text = r.stdout + r.stderr;
    expect(text).toMatch(/^2 passed, 1 failed$/m);
    expect(text).toContain('lessons/02-veth-pairs.md: this lesson requires tcpdump. tcpdump cannot run in this sandbox: your user nobody has no subordinate ids');
    expect(text).toMatch(/sudo usermod --add-subuids (\d+)-(\d+) --add-subgids \1-\2 nobody/);
    expect(r.exitCode).not.toBe(0);
  }, 150_000);
});
