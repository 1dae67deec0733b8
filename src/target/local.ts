// The sandbox target: this machine's own kernel, processes started directly.

import { shellQuote } from '../process/shell-quote.ts';
import { runCommand, runInteractive, startProcess } from '../process/spawn.ts';
import type { Target, TargetProcess } from './types.ts';

/** Why this machine cannot hold the sandbox's namespaces (in one line), or undefined when it can. */
export async function checkLocal(): Promise<string | undefined> {
  if (process.platform !== 'linux') return `this machine runs ${process.platform}, and lessons need a Linux kernel`;
  const r = await runCommand('unshare', ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', 'true'], { timeoutMs: 10_000 });
  if (r.exitCode === 0) return undefined;
  const said = r.stderr.trim().split('\n')[0] || (r.failed && r.stdout === '' ? 'not found or could not run' : `exit code ${r.exitCode}`);
  return `this kernel refuses the sandbox's namespaces (unshare: ${said})`;
}

/** This machine as a target; the sandbox gives each lesson fresh namespaces here. */
export function localTarget(): Target {
  const root = process.getuid?.() === 0;
  return {
    name: 'sandbox',
    description: `this machine's kernel, in fresh namespaces (${root ? 'as root' : 'rootless'})`,
    root,
    spawn: (argv: readonly string[]): TargetProcess => {
      const [file, ...args] = argv;
      if (!file) throw new Error('spawn needs a command');
      return startProcess(file, args);
    },
    // On a pty of its own (as `docker exec -it` and `ssh -t` do): a shell in another PID namespace
    // cannot hand the terminal back to steplab's process group when it exits.
    interactive: (argv: readonly string[]): Promise<number> => runInteractive('script', ['-q', '-e', '-c', argv.map(shellQuote).join(' '), '/dev/null']),
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}
