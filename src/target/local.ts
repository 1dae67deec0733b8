// The sandbox target: this machine's own kernel, processes started directly.

import { shellQuote } from '../process/shell-quote.ts';
import { runInteractive, startProcess } from '../process/spawn.ts';
import type { Target, TargetProcess } from './types.ts';

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
