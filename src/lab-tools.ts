// The lab's tools: each command the sandbox, the lessons and `steplab doctor` rely on, and the Debian package that brings it.
// scripts/install-lab.sh, docker/Dockerfile and vagrant/provision.sh install exactly these packages (they are shell and
// Dockerfile text, so test/unit/lab/lab-tools.test.ts holds each one equal to this list), lint knows every command
// (src/lesson/known-commands.ts) and the explainer can explain every one a learner types.

export interface LabTool {
  /** The command as a lesson or the sandbox's scripts run it. */
  readonly command: string;
  /** The Debian (and Ubuntu) package that installs it. */
  readonly pkg: string;
  /** Needed only by the sandbox target on this machine (rootless id maps, the lab shell's pty); the container and the VM do without. */
  readonly hostOnly?: true;
  /** Run by steplab itself, never typed by a learner: the explainer need not know it. */
  readonly internal?: true;
}

export const LAB_TOOLS: readonly LabTool[] = [
  { command: 'bash', pkg: 'bash' },
  { command: 'unshare', pkg: 'util-linux' },
  { command: 'nsenter', pkg: 'util-linux' },
  { command: 'script', pkg: 'bsdutils', hostOnly: true, internal: true },
  { command: 'ip', pkg: 'iproute2' },
  { command: 'ss', pkg: 'iproute2' },
  { command: 'bridge', pkg: 'iproute2' },
  { command: 'brctl', pkg: 'bridge-utils' },
  { command: 'iptables', pkg: 'iptables' },
  { command: 'iptables-save', pkg: 'iptables' },
  { command: 'conntrack', pkg: 'conntrack' },
  { command: 'sysctl', pkg: 'procps' },
  { command: 'ps', pkg: 'procps' },
  { command: 'modprobe', pkg: 'kmod' },
  { command: 'ping', pkg: 'iputils-ping' },
  { command: 'curl', pkg: 'curl' },
  { command: 'nc', pkg: 'netcat-openbsd' },
  { command: 'socat', pkg: 'socat' },
  { command: 'tcpdump', pkg: 'tcpdump' },
  { command: 'awk', pkg: 'gawk' },
  { command: 'base64', pkg: 'coreutils', internal: true },
  { command: 'newuidmap', pkg: 'uidmap', hostOnly: true, internal: true },
];

/** Packages the lab needs that bring no command of their own: curl's certificate store. */
const SUPPORT_PACKAGES: readonly string[] = ['ca-certificates'];

/** The Debian packages to install where the sandbox runs (sorted, each once); `host` adds those only this machine's sandbox target needs. */
export function labPackages(options: { readonly host: boolean }): string[] {
  const tools = LAB_TOOLS.filter((t) => options.host || !t.hostOnly);
  return [...new Set([...tools.map((t) => t.pkg), ...SUPPORT_PACKAGES])].sort();
}
