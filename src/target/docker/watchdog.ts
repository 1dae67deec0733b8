// The host-side watchdog that removes the lab container however steplab ends, and the CLI call that removes one.

import { startProcess } from '../../process/spawn.ts';
import type { TargetProcess } from '../types.ts';

/**
 * A host process that removes the container when steplab goes away however it goes (crash, kill -9):
 * it ignores the signals a terminal sends, waits for its stdin (our pipe) to close, then runs `docker rm -f`.
 */
export function startWatchdog(cli: string, env: Readonly<Record<string, string>>, id: string): TargetProcess {
  const script = `trap '' INT TERM HUP; cat >/dev/null; exec "$1" rm -f "$2" >/dev/null 2>&1`;
  const watchdog = startProcess('sh', ['-c', script, 'steplab-watchdog', cli, id], { env });
  watchdog.stdin.on('error', () => {});
  return watchdog;
}

/** Force-remove one container through the CLI, ignoring "no such container". */
export async function removeContainer(cli: string, env: Readonly<Record<string, string>>, id: string): Promise<void> {
  const p = startProcess(cli, ['rm', '-f', id], { env });
  p.stdin.end();
  await p;
}

