// The host's side of `steplab doctor`: Node, user namespaces, subordinate ids, AppArmor, and which targets this machine has.

import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { runCommand } from '../../process/spawn.ts';

/** The labels of the host's lines (doctor translates them). */
export type HostLabel = 'node' | 'userns' | 'apparmor' | 'subids' | 'targets' | 'fix';
type Say = (label: HostLabel, text: string) => void;

/** A file's first line, or undefined when it cannot be read. */
async function read(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').then((t) => t.trim().split('\n')[0], () => undefined);
}

/** Node's version against what steplab needs. */
export function reportNode(say: Say): string[] {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 22 || (major === 22 && minor >= 18);
  say('node', `${process.version} at ${process.execPath}${ok ? '' : ': steplab needs 22.18 or newer (./setup installs it)'}`);
  return ok ? [] : [`Node ${process.version} is older than 22.18`];
}

/** What gates user namespaces on this kernel (the sandbox target's need); returns the problems. */
export async function reportUserNamespaces(say: Say): Promise<string[]> {
  const max = await read('/proc/sys/user/max_user_namespaces');
  const clone = await read('/proc/sys/kernel/unprivileged_userns_clone');
  const root = process.getuid?.() === 0;
  const parts = [`user.max_user_namespaces=${max ?? '?'}`];
  if (clone !== undefined) parts.push(`kernel.unprivileged_userns_clone=${clone}`);
  const problems: string[] = [];
  if (max === '0') problems.push('user namespaces are switched off (sudo sysctl -w user.max_user_namespaces=15000)');
  else if (clone === '0' && !root) problems.push('unprivileged user namespaces are switched off (sudo sysctl -w kernel.unprivileged_userns_clone=1)');
  say('userns', `${parts.join(', ')}: ${problems.length === 0 ? 'allowed' : problems[0]}`);
  return problems;
}

/** Whether AppArmor restricts unprivileged user namespaces (Ubuntu 23.10+); returns the problems. */
export async function reportAppArmor(say: Say): Promise<string[]> {
  const enabled = await read('/sys/module/apparmor/parameters/enabled');
  const restrict = await read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  if (enabled !== 'Y') {
    say('apparmor', 'not enabled: nothing restricts the sandbox');
    return [];
  }
  if (restrict !== '1') {
    say('apparmor', `enabled; unprivileged user namespaces are not restricted${restrict === undefined ? '' : ' (kernel.apparmor_restrict_unprivileged_userns=0)'}`);
    return [];
  }
  if (process.getuid?.() === 0) {
    say('apparmor', 'restricts unprivileged user namespaces, which root is not held to');
    return [];
  }
  say('apparmor', 'restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1)');
  say('fix', 'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or run lessons with --target docker');
  return ['AppArmor restricts user namespaces'];
}

/** The current user's /etc/subuid and /etc/subgid ranges (tcpdump in the lab needs them when not root). */
export async function reportSubordinateIds(say: Say): Promise<void> {
  if (process.getuid?.() === 0) {
    say('subids', 'root: the sandbox maps a range of its own');
    return;
  }
  const user = userInfo().username;
  const range = async (file: string) => (await readFile(file, 'utf8').catch(() => '')).split('\n').find((l) => l.startsWith(`${user}:`))?.split(':').slice(1).join(' count ');
  const [uid, gid] = [await range('/etc/subuid'), await range('/etc/subgid')];
  say('subids', uid && gid ? `${user}: uids from ${uid}, gids from ${gid}` : `${user} has no ${uid ? 'subgid' : 'subuid'} range: lessons run, but tcpdump cannot (sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 ${user})`);
}

/** Which other targets this machine could use (information: only the chosen target must work). */
export async function reportTargets(say: Say, chosen: string): Promise<void> {
  const docker = await runCommand('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 5000 }).catch(() => undefined);
  const engine = docker?.exitCode === 0 ? `docker: engine ${docker.stdout.trim()} answers` : `docker: ${docker?.stderr.trim().split('\n')[0] || 'not installed'}`;
  const vagrant = await runCommand('vagrant', ['--version'], { timeoutMs: 5000 }).catch(() => undefined);
  const box = vagrant?.exitCode === 0 ? `vagrant: ${vagrant.stdout.trim()}` : 'vagrant: not installed';
  say('targets', `using ${chosen}; also on this machine: ${engine}; ${box}`);
}
