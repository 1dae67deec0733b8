// Every shell script steplab ships parses (`bash -n`) and passes shellcheck: the sandbox's scripts, set-up, CI, the lab machine's.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/process/spawn.ts';

const repo = join(import.meta.dirname, '../../..');
/** The scripts, and the shell each runs in (the sandbox's are fed to bash without a shebang). */
const SCRIPTS = [
  'src/sandbox/scripts/init.sh', 'src/sandbox/scripts/shell.sh', 'setup', 'scripts/install-lab.sh',
  '.ci/run', '.ci/install-docker.sh', '.ci/install-vagrant.sh', '.ci/fresh-container.sh', '.ci/fetch-docker26.sh',
  'docker/build-base-image.sh', 'vagrant/provision.sh',
];

describe('shipped shell scripts', () => {
  it.each(SCRIPTS)('%s parses with bash -n', async (script) => {
    const r = await runCommand('bash', ['-n', join(repo, script)]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('pass shellcheck (warnings and errors; ./setup installs it)', async () => {
    const r = await runCommand('shellcheck', ['--shell=bash', '--severity=warning', '--format=gcc', ...SCRIPTS], { cwd: repo, timeoutMs: 60_000 });
    // A missing shellcheck fails here with its own error rather than passing silently.
    expect(r.failed && r.stdout === '' ? `shellcheck could not run: ${r.stderr || 'not installed (run ./setup)'}` : r.stdout).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('are caught when broken: bash -n and shellcheck both fail on a bad script', async () => {
    const bad = 'if then\n';
    expect((await runCommand('bash', ['-n'], { input: bad })).exitCode).not.toBe(0);
    expect((await runCommand('shellcheck', ['--shell=bash', '-'], { input: 'cd $1\n' })).exitCode).not.toBe(0);
  });
});
