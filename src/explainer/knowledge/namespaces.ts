// nsenter and unshare: entering and creating Linux namespaces.

import type { OptionSpec, Tool } from '../types.ts';

/** nsenter's namespace options take an optional file (`--net=/run/netns/red`). */
const nsOption = (short: string, long: string, what: string): OptionSpec => ({
  names: [short, long],
  meaning: `enters the ${what} namespace of the target process (or of the file {value})`,
  value: { name: 'FILE', optional: true, pattern: '^/' },
});

export const NSENTER: Tool = {
  names: ['nsenter'],
  meaning: 'runs a command inside the namespaces of another process',
  summary: ['in the namespaces of process {pid}: {command}', 'in another namespace: {command}'],
  options: [
    { names: ['-t', '--target'], meaning: 'the process whose namespaces to enter: {value}', value: { name: 'PID', bind: 'pid' } },
    nsOption('-n', '--net', 'network'),
    nsOption('-m', '--mount', 'mount'),
    nsOption('-u', '--uts', 'UTS (host name)'),
    nsOption('-i', '--ipc', 'IPC'),
    nsOption('-p', '--pid', 'PID'),
    nsOption('-U', '--user', 'user'),
    nsOption('-C', '--cgroup', 'cgroup'),
    { names: ['-a', '--all'], meaning: 'enters every namespace of the target process' },
    { names: ['-r', '--root'], meaning: 'uses the target\'s root directory' },
    { names: ['-w', '--wd'], meaning: 'uses the target\'s working directory' },
    { names: ['-F', '--no-fork'], meaning: 'does not fork before running the command' },
    { names: ['--preserve-credentials'], meaning: 'keeps the current user and group ids' },
  ],
  rest: { kind: 'command', meaning: 'the command to run there' },
};

export const UNSHARE: Tool = {
  names: ['unshare'],
  meaning: 'runs a command in new namespaces of its own',
  summary: ['in new namespaces: {command}', 'starts a shell in new namespaces'],
  options: [
    { names: ['-n', '--net'], meaning: 'a new network namespace: only a loopback interface, down', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-m', '--mount'], meaning: 'a new mount namespace', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-u', '--uts'], meaning: 'a new UTS namespace (its own host name)', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-i', '--ipc'], meaning: 'a new IPC namespace', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-p', '--pid'], meaning: 'a new PID namespace (with --fork, the command is process 1)', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-U', '--user'], meaning: 'a new user namespace', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-C', '--cgroup'], meaning: 'a new cgroup namespace', value: { name: 'FILE', optional: true, pattern: '^/' } },
    { names: ['-r', '--map-root-user'], meaning: 'maps the current user to root inside the new user namespace' },
    { names: ['-f', '--fork'], meaning: 'forks before running the command (needed with --pid)' },
    { names: ['--mount-proc'], meaning: 'mounts a fresh /proc (so ps shows only the new PID namespace)' },
    { names: ['--propagation'], meaning: 'mount propagation {value}', value: { name: 'MODE' } },
    { names: ['--kill-child'], meaning: 'kills the command when unshare dies' },
  ],
  rest: { kind: 'command', meaning: 'the command to run there' },
};
