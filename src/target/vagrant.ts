// The vagrant target: the machine vagrant/Vagrantfile describes, reached over one multiplexed ssh connection.

import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SteplabError } from '../errors.ts';
import { commandExists, runCommand, startProcess } from '../process/spawn.ts';
import type { Target, TargetProcess } from './types.ts';
import { option, parseSshConfig, pickHost, renderSshConfig, shellQuote, type SshHost } from './vagrant-ssh-config.ts';

/** The folder with steplab's Vagrantfile. */
export const VAGRANT_DIR = fileURLToPath(new URL('../../vagrant/', import.meta.url));
const ALIAS = 'steplab-vagrant';
const CONNECT_TIMEOUT_MS = 30_000;

export interface VagrantTargetOptions {
  /** The folder holding the Vagrantfile (default: STEPLAB_VAGRANT_DIR, else steplab's vagrant/). */
  readonly dir?: string;
  /** The machine's name in a multi-machine Vagrantfile (default: the only one). */
  readonly machine?: string;
}

/** Connect to the running Vagrant machine and return it as a target; dispose it to close the ssh connection. */
export async function startVagrantTarget(options: VagrantTargetOptions = {}): Promise<Target> {
  const dir = options.dir ?? process.env.STEPLAB_VAGRANT_DIR ?? VAGRANT_DIR;
  for (const tool of ['vagrant', 'ssh']) {
    if (!(await commandExists(tool))) throw missingTool(tool);
  }
  await sweepStaleWorkDirs();
  const work = await mkdtemp(join(tmpdir(), 'steplab-ssh-'));
  const config = join(work, 'config');
  try {
    // A cached ssh-config saves Vagrant's second of startup; when it no longer connects, ask Vagrant again.
    let host = await cachedHost(dir, options.machine);
    let failure = host ? await openConnection(config, work, host) : 'no cached ssh-config';
    if (failure !== undefined) {
      host = await freshHost(dir, options.machine);
      failure = await openConnection(config, work, host);
    }
    if (failure !== undefined || !host) throw unreachable(dir, failure ?? 'no ssh-config');
    const facts = await runCommand('ssh', ['-F', config, ALIAS, 'sudo -n true 2>/dev/null && echo root || echo user; uname -r'], { timeoutMs: CONNECT_TIMEOUT_MS });
    const [who, kernel] = facts.stdout.trim().split('\n');
    const root = who === 'root';
    const where = `${option(host, 'User') ?? '?'}@${option(host, 'HostName') ?? '?'}:${option(host, 'Port') ?? '22'}`;
    return new VagrantTarget(config, work, root, `Vagrant machine '${host.alias}' (${dir}) at ${where}, kernel ${kernel ?? 'unknown'}${root ? '' : ', without sudo'}`);
  } catch (error) {
    await closeConnection(config);
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

class VagrantTarget implements Target {
  readonly name = 'vagrant' as const;
  readonly root: boolean;
  readonly description: string;
  readonly #config: string;
  readonly #work: string;
  #disposed: Promise<void> | undefined;

  constructor(config: string, work: string, root: boolean, description: string) {
    this.#config = config;
    this.#work = work;
    this.root = root;
    this.description = description;
  }

  /** Start argv on the machine (through sudo when allowed); ssh forwards stdin's EOF, and the remote process sees it. */
  spawn(argv: readonly string[]): TargetProcess {
    if (this.#disposed) throw new SteplabError('TARGET_UNAVAILABLE', 'the vagrant target has been disposed; start a new one');
    if (argv.length === 0) throw new Error('spawn needs a command');
    const command = [...(this.root ? ['sudo', '-n', '--'] : []), ...argv].map(shellQuote).join(' ');
    return startProcess('ssh', ['-T', '-F', this.#config, ALIAS, command]);
  }

  /** Close the shared ssh connection and delete its socket and config. Safe to call twice. */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      await closeConnection(this.#config);
      await rm(this.#work, { recursive: true, force: true });
    })();
    return this.#disposed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

/** Write our ssh config for the host and open the shared (master) connection; returns why it failed, or undefined. */
async function openConnection(config: string, work: string, host: SshHost): Promise<string | undefined> {
  await writeFile(config, renderSshConfig(host, ALIAS, sshOptions(work)), { mode: 0o600 });
  // With ControlPersist the master goes to the background once connected, and this command returns.
  const r = await runCommand('ssh', ['-F', config, '-o', 'ControlMaster=yes', '-N', ALIAS], { timeoutMs: CONNECT_TIMEOUT_MS });
  if (r.exitCode === 0) return undefined;
  return r.timedOut ? `ssh did not connect within ${CONNECT_TIMEOUT_MS / 1000} s` : firstLine(r.stderr) || `ssh exited with ${r.exitCode}`;
}

/** Options added to Vagrant's: one multiplexed connection, no prompts, and a dead machine noticed within a minute. */
export function sshOptions(work: string): Record<string, string> {
  return {
    ControlMaster: 'auto',
    ControlPath: join(work, 'cm'),
    // Outlives a pause between lessons; if steplab dies, its sessions end and the master follows after this idle time.
    ControlPersist: '120',
    BatchMode: 'yes',
    LogLevel: 'ERROR',
    ConnectTimeout: '15',
    ServerAliveInterval: '15',
    ServerAliveCountMax: '3',
  };
}

/** Delete the folders of steplab runs that died: no master socket left in them, and untouched for ten minutes. */
async function sweepStaleWorkDirs(): Promise<void> {
  const names = (await readdir(tmpdir()).catch(() => [])).filter((n) => n.startsWith('steplab-ssh-'));
  for (const name of names) {
    const dir = join(tmpdir(), name);
    const [folder, socket] = await Promise.all([stat(dir).catch(() => undefined), stat(join(dir, 'cm')).catch(() => undefined)]);
    if (folder && !socket && Date.now() - folder.mtimeMs > 10 * 60_000) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Ask the shared connection to exit (no-op when there is none). */
async function closeConnection(config: string): Promise<void> {
  await runCommand('ssh', ['-F', config, '-O', 'exit', ALIAS], { timeoutMs: 10_000 });
}

/** The machine's Host block from our cached `vagrant ssh-config`, if there is one. */
async function cachedHost(dir: string, machine: string | undefined): Promise<SshHost | undefined> {
  const text = await readFile(cacheFile(dir), 'utf8').catch(() => '');
  return pickHost(parseSshConfig(text), machine);
}

/** Run `vagrant ssh-config` in the Vagrantfile's folder, cache its output, and return the machine's Host block. */
async function freshHost(dir: string, machine: string | undefined): Promise<SshHost> {
  const r = await runCommand('vagrant', ['ssh-config', ...(machine ? [machine] : [])], { cwd: dir, timeoutMs: 120_000, env: { VAGRANT_NO_COLOR: '1' } });
  const host = r.exitCode === 0 ? pickHost(parseSshConfig(r.stdout), machine) : undefined;
  if (!host) throw notUp(dir, firstSentence(r.stderr) || firstSentence(r.stdout) || `vagrant ssh-config exited with ${r.exitCode}`);
  await mkdir(join(dir, '.vagrant'), { recursive: true });
  await writeFile(cacheFile(dir), r.stdout);
  return host;
}

/** Where the last `vagrant ssh-config` output is kept (inside Vagrant's own state folder). */
const cacheFile = (dir: string): string => join(dir, '.vagrant', 'steplab-ssh-config');

/** The error for a machine that is not running, saying how to start it. */
function notUp(dir: string, said: string): SteplabError {
  return new SteplabError(
    'TARGET_UNAVAILABLE',
    `The Vagrant machine in ${dir} is not running (vagrant ssh-config: ${said}).`,
    [
      `Start it:  cd ${dir} && vagrant up`,
      '  (the first start downloads a box and provisions it: several minutes)',
      'Linux without VirtualBox or libvirt:  vagrant up --provider=docker',
      'Or choose another target: --target sandbox or --target docker.',
    ].join('\n'),
  );
}

/** The error for a machine whose ssh does not answer even with a fresh ssh-config. */
function unreachable(dir: string, why: string): SteplabError {
  return new SteplabError(
    'TARGET_UNAVAILABLE',
    `steplab cannot reach the Vagrant machine in ${dir} over ssh: ${why}.`,
    `Check it with:  cd ${dir} && vagrant status && vagrant ssh -c true\nIf it is stuck: vagrant reload`,
  );
}

/** The error for a tool this target needs on this machine. */
function missingTool(tool: string): SteplabError {
  return new SteplabError(
    'TARGET_UNAVAILABLE',
    `The vagrant target needs '${tool}' on this machine, and it is not on PATH.`,
    tool === 'vagrant'
      ? 'Install Vagrant (https://developer.hashicorp.com/vagrant/install, or Debian/Ubuntu: sudo apt-get install vagrant) and a provider (VirtualBox, libvirt, or Docker), or choose --target sandbox or --target docker.'
      : 'Install an OpenSSH client (Debian/Ubuntu: sudo apt-get install openssh-client).',
  );
}

/** The first sentence of Vagrant's wrapped prose. */
const firstSentence = (text: string): string => /^[^.]*\.?/.exec(text.trim().replace(/\s+/g, ' '))?.[0] ?? '';

/** The first non-empty line of some output. */
const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
