// The host's network state as text, to prove a run leaves it exactly as it was.

import { LAB_TOOLS } from '../../src/lab-tools.ts';
import { FIND } from '../../src/cli/commands/doctor.ts';
import { commandExists, runCommand } from '../../src/process/spawn.ts';
import { checkLocal } from '../../src/target/local.ts';

/** Links, addresses, routes, named namespaces and firewall rules of the host (counters and volatile fields removed). */
export async function hostNetworkState(): Promise<string> {
  const reads = [
    ['ip', ['-o', 'link', 'show']],
    ['ip', ['-o', 'addr', 'show']],
    ['ip', ['route', 'show', 'table', 'all']],
    ['ip', ['netns', 'list']],
    ['iptables-save', []],
  ] as const;
  const parts: string[] = [];
  for (const [cmd, args] of reads) {
    const r = await runCommand(cmd, args);
    parts.push(`## ${cmd} ${args.join(' ')}\n${r.stdout.replace(/^#.*\n/gm, '').replace(/\[\d+:\d+\]/g, '').replace(/valid_lft \S+ preferred_lft \S+/g, '').replace(/ (tentative|dadfailed|optimistic)\b/g, '')}`);
  }
  return parts.join('\n');
}

/** What differs between two readings of hostNetworkState: `- line` gone, `+ line` new, under the section's `## command`. */
export function hostChanges(before: string, after: string): string[] {
  const lines = (state: string): string[] => {
    let section = '';
    return state.split('\n').filter((l) => l.trim() !== '').map((l) => (l.startsWith('## ') ? (section = l) : `${section}: ${l}`));
  };
  const [was, is] = [lines(before), lines(after)];
  return [...was.filter((l) => !is.includes(l)).map((l) => `- ${l}`), ...is.filter((l) => !was.includes(l)).map((l) => `+ ${l}`)];
}

/** The host's network sysctls: forwarding, per-interface settings, bridge netfilter (what dockerd writes). */
export async function hostSysctls(): Promise<string> {
  const r = await runCommand('sysctl', ['-a', '--pattern', '^net\\.(ipv4\\.(ip_forward|conf\\.|ip_local_port_range)|ipv6\\.conf\\.|bridge\\.)']);
  return r.stdout;
}

/** Process command lines that contain a marker (processes a test started in a sandbox). */
export async function processesWith(marker: string): Promise<string[]> {
  const r = await runCommand('ps', ['-eo', 'pid=,args=']);
  return r.stdout.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

/**
 * Why the sandbox tests of a file skip here (checkLocal's one answer), or undefined when they run. Under
 * STEPLAB_REQUIRE_TARGETS (CI) a machine that cannot hold the sandbox fails the file instead of skipping it.
 */
export async function sandboxUnavailable(what = 'the sandbox tests'): Promise<string | undefined> {
  const reason = await checkLocal();
  if (reason === undefined) return undefined;
  if (process.env.STEPLAB_REQUIRE_TARGETS) throw new Error(`${what} must run here (STEPLAB_REQUIRE_TARGETS is set), but ${reason}`);
  console.warn(`skipping ${what}: ${reason}`);
  return reason;
}

/** Fails the test file, rather than skipping it, when a tool its tests need beyond the lab's is missing. */
export async function requireTestTool(command: string, what: string): Promise<void> {
  if (!(await commandExists(command))) {
    throw new Error(`${what} need ${command}, which is not installed here; ./setup installs it (TEST_PACKAGES in scripts/install-lab.sh)`);
  }
}

/** The lab's commands missing on this machine: a test that needs them fails with this list (./setup installs them). */
export async function missingLabCommands(): Promise<string[]> {
  // Found as the lab's shells find them (PATH plus the sbin folders, as `steplab doctor` does): an ordinary
  // user's login PATH on Debian has no /usr/sbin, and the lab adds it.
  const found = await runCommand('sh', ['-c', FIND, 'sh', ...LAB_TOOLS.map((t) => t.command)]);
  return found.stdout.split('\n').filter((line) => /^\S+ ?$/.test(line)).map((line) => line.trim());
}
