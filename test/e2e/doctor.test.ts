// `steplab doctor` through the real CLI: labelled lines, one verdict, exit 1 when a tool is really missing
// or cannot run, and tools found the way the lab's shells find them (the sbin folders added).

import { mkdtemp, readdir, rm, symlink, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const skip = await sandboxUnavailable();
if (skip) console.warn(`skipping doctor end-to-end tests: ${skip}`);
const asRoot = process.getuid?.() === 0;

/** Debian's PATH for a normal user's login shell. */
const USER_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/games';

const doctor = (env: Record<string, string>, user?: string) =>
  user
    ? runCommand('/usr/sbin/runuser', ['-u', user, '--', process.execPath, BIN, 'doctor'], { timeoutMs: 60_000, env, cwd: tmpdir() })
    : runCommand(process.execPath, [BIN, 'doctor'], { timeoutMs: 60_000, env });

/** Every line is `label: text`, and the last is the verdict. */
function expectLabelled(stdout: string): string {
  const lines = stdout.trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(/^[a-z-]+: +\S/);
  return lines.at(-1) ?? '';
}

describe.skipIf(skip)('steplab doctor', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('finds the sbin tools from a normal user`s PATH and says ready', async () => {
    const r = await doctor({ PATH: USER_PATH });
    expect(r.stdout).toMatch(/^tool: +iptables +\/(usr\/)?sbin\/iptables$/m);
    expect(r.stdout).toMatch(/^tool: +sysctl +\/(usr\/)?sbin\/sysctl$/m);
    // The host's side: Node, user namespaces, AppArmor, subordinate ids, the targets this machine has.
    expect(r.stdout).toMatch(new RegExp(`^node: +${process.version.replaceAll('.', '\\.')} at `, 'm'));
    expect(r.stdout).toMatch(/^userns: +user\.max_user_namespaces=\d+/m);
    expect(r.stdout).toMatch(/^apparmor: +\S/m);
    expect(r.stdout).toMatch(/^subids: +\S/m);
    expect(r.stdout).toMatch(/^targets: +using sandbox; also on this machine: docker: .*; vagrant: /m);
    expect(expectLabelled(r.stdout)).toMatch(/^verdict: +ready: /);
    expect(r.exitCode).toBe(0);
  });

  it('exits 1 when a tool is really missing, names it and the package to install', async () => {
    // A PATH with everything of /usr/bin but curl (the sbin folders hold no curl either); not under
    // /tmp, which the sandbox covers with its own.
    const dir = await mkdtemp('/var/tmp/steplab-doctor-');
    dirs.push(dir);
    await chmod(dir, 0o755);
    for (const name of await readdir('/usr/bin')) if (name !== 'curl') await symlink(join('/usr/bin', name), join(dir, name));
    const r = await doctor({ PATH: dir });
    expect(r.stdout).toMatch(/^tool: +curl +MISSING/m);
    expect(r.stdout).toMatch(/^fix: +\.\/setup, or sudo apt-get install curl$/m);
    expect(expectLabelled(r.stdout)).toMatch(/^verdict: +not ready: curl is missing/);
    expect(r.exitCode).toBe(1);
  });

  it.skipIf(!asRoot)('says why tcpdump cannot run for a user without subordinate ids, with the fix for that user', async () => {
    const r = await doctor({ PATH: USER_PATH, HOME: tmpdir() }, 'nobody');
    expect(r.stdout).toMatch(/^tool: +tcpdump +installed, but cannot run in the sandbox/m);
    expect(r.stdout).toMatch(/^tcpdump: +tcpdump cannot run in this sandbox: your user nobody has no subordinate ids .* sudo usermod --add-subuids (\d+)-(\d+) --add-subgids \1-\2 nobody/m);
    expect(expectLabelled(r.stdout)).toMatch(/^verdict: +not ready: tcpdump cannot run in the sandbox/);
    expect(r.exitCode).toBe(1);
  });
});
