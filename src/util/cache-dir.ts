// Where steplab keeps what it can compute again (parsed lessons, Node's compiled modules): never anything a learner would miss.

import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** steplab's cache folder: $XDG_CACHE_HOME/steplab (when absolute, as the XDG spec asks), else ~/.cache/steplab. */
export function cacheDir(env: Env = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'steplab');
}
