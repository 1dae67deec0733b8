// ShellSession against a plain bash (no sandbox, no lab world): the framing of blocks and answers, and what happens
// when a block outlives its watchdog. The bash gets a private /run (the prelude writes there) in a user and mount namespace.

import { afterEach, describe, expect, it } from 'vitest';
import { startProcess } from '../../src/process/spawn.ts';
import type { StartedProcess } from '../../src/process/started.ts';
import { ShellSession } from '../../src/sandbox/shell-session.ts';
import { sandboxUnavailable } from './host-state.ts';

const skip = await sandboxUnavailable('the ShellSession tests');
const started: StartedProcess[] = [];

/** A plain bash with a private, writable /run/steplab, driven by a ShellSession. */
function plainBash(): ShellSession {
  const bash = startProcess('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs tmpfs /run && mkdir -p /run/steplab && exec bash --noprofile --norc']);
  started.push(bash);
  return new ShellSession(bash);
}

describe.skipIf(skip)('ShellSession on a plain bash', () => {
  afterEach(async () => {
    for (const p of started.splice(0)) {
      // Its own process group (startProcess detaches it): take the shell and whatever a test left running in it.
      if (p.pid) try { process.kill(-p.pid, 'SIGKILL'); } catch { /* already gone */ }
      await p;
    }
  });

  it('answers each block with its own output and status, in order, however the output ends', async () => {
    const shell = plainBash();
    const [a, b, c] = await Promise.all([shell.run('printf "no newline"', 5000), shell.run('echo out; echo err >&2; (exit 7)', 5000), shell.run('echo third', 5000)]);
    expect(a).toMatchObject({ exitCode: 0, output: 'no newline', timedOut: false });
    expect(b).toMatchObject({ exitCode: 7, output: 'out\nerr\n', timedOut: false });
    expect(c).toMatchObject({ exitCode: 0, output: 'third\n' });
  });

  it('is not fooled by output that looks like an answer, nor by multi-byte characters split across reads', async () => {
    const shell = plainBash();
    const r = await shell.run('echo "__STEPLAB_0123 1 0 0 0"; printf "é%.0s" $(seq 3000); echo', 5000);
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(`__STEPLAB_0123 1 0 0 0\n${'é'.repeat(3000)}\n`);
  });

  it('takes the code of a block byte for byte, whatever it holds: multi-byte text, quotes, backslashes, blank lines, no newline at its end', async () => {
    const shell = plainBash();
    const text = `网络命名空间 'single' "double" \\ $'ansi' \`tick\` 100% é`;
    const [a, b, c] = await Promise.all([
      shell.run(`cat <<'EOF'\n${text}\n\n\nEOF`, 5000),
      shell.run('', 5000),
      shell.run(`printf '%s' ${JSON.stringify('末尾')}`, 5000),
    ]);
    expect(a).toMatchObject({ exitCode: 0, output: `${text}\n\n\n` });
    expect(b).toMatchObject({ exitCode: 0, output: '' });
    expect(c).toMatchObject({ exitCode: 0, output: '末尾' });
    expect((await shell.run('echo still in step', 5000)).output).toBe('still in step\n');
  });

  it('keeps variables and cd between blocks, and stops a block at its first failing command', async () => {
    const shell = plainBash();
    await shell.run('X=kept; cd /run/steplab', 5000);
    const r = await shell.run('echo "$X $PWD"; false; echo never', 5000);
    expect(r.output).toBe('kept /run/steplab\n');
    expect(r.exitCode).toBe(1);
  });

  it('ends a block at its timeout and goes on', async () => {
    const shell = plainBash();
    const r = await shell.run('sleep 30', 300);
    expect(r.timedOut).toBe(true);
    expect((await shell.run('echo next', 5000)).output).toBe('next\n');
  });

  it('gives up a shell whose block outlived its watchdog: it takes no further block', async () => {
    const shell = plainBash();
    // The block kills its own watchdog, then spins in builtins: only steplab's grace period can end the wait.
    const r = await shell.run('sleep 0.3; kill -9 "$(cat /run/steplab/watchdog-$$.pid)"; while :; do :; done', 300);
    expect(r).toMatchObject({ exitCode: 137, timedOut: true });
    expect(r.output).toContain('steplab stopped waiting');
    expect(shell.alive).toBe(false);
    await expect(shell.run('echo too late', 5000)).rejects.toThrow(/has exited/);
  }, 20_000);
});
