// The sandbox never runs the user's shell start-up files: Debian's bash reads ~/.bashrc when its stdin is a
// socket (Node's pipes are) and it is a top-level shell, which ran a learner's .bashrc on the host and, as the lab's root, failed on /root.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/sandbox.ts';
import { localTarget } from '../../src/target/local.ts';
import { sandboxUnavailable } from './host-state.ts';

const skip = await sandboxUnavailable('sandbox start-up file tests');

describe.skipIf(skip)('sandbox start-up', () => {
  const { HOME: home, SHLVL: level } = process.env;
  let dir: string | undefined;
  afterAll(async () => {
    process.env.HOME = home;
    if (level === undefined) delete process.env.SHLVL;
    else process.env.SHLVL = level;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("runs no ~/.bashrc, neither on the host nor in the lab's shells", async () => {
    dir = await mkdtemp(join(tmpdir(), 'steplab-home-'));
    const marker = join(dir, 'bashrc-ran');
    await writeFile(join(dir, '.bashrc'), `echo "$$ $0" >> ${marker}\necho "from .bashrc"\n`);
    process.env.HOME = dir;
    // bash reads it only as a top-level shell (SHLVL < 2): as when steplab is started by CI, a service or a GUI.
    delete process.env.SHLVL;
    const sandbox = await startSandbox(localTarget(), { world: 'none' });
    try {
      const r = await sandbox.run('echo ready', { timeoutMs: 10_000 });
      expect(r.output).toBe('ready\n');
      expect((await sandbox.probe('echo probe')).output).toBe('probe\n');
    } finally {
      await sandbox.dispose();
    }
    await expect(readFile(marker, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
