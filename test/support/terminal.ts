// Driving the real CLI in a pseudo-terminal through tmux: send keys in, read the screen out.

import { runCommand } from '../../src/process/spawn.ts';

/** One tmux command, its result (tmux answers at once; 10 s is only a guard). */
export const tmux = (...args: string[]) => runCommand('tmux', args, { timeoutMs: 10_000 });

/** Poll the screen until it shows a pattern; returns the screen. */
export async function screenShows(session: string, pattern: RegExp, limitMs: number): Promise<string> {
  const end = Date.now() + limitMs;
  let screen = '';
  while (Date.now() < end) {
    screen = (await tmux('capture-pane', '-p', '-t', session)).stdout;
    if (pattern.test(screen)) return screen;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the screen never showed ${pattern}:\n${screen}`);
}
