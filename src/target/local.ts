// The sandbox target: this machine's own kernel, processes started directly.

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
    interactive: (argv: readonly string[]): Promise<number> => runInteractive(argv[0] ?? 'sh', argv.slice(1)),
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}
