// Lab containers left behind by steplab processes that died before they could remove them: found by label, removed at start.

import { hostname } from 'node:os';
import type { ContainerRuntimeClient } from 'testcontainers';

/** Labels that mark a container as steplab's: who owns it, so stale ones can be swept when their owner is gone. */
export const LABEL_TARGET = 'steplab.target';
export const LABEL_OWNER = 'steplab.owner';
export const LABEL_HOST = 'steplab.host';

/** A container as Docker lists it: enough to tell whose it is. */
export interface ListedContainer {
  readonly Id: string;
  readonly Labels: Readonly<Record<string, string>>;
}

/** The containers left by steplab processes on this host that no longer run (killed before they could clean up). */
export function staleContainers(listed: readonly ListedContainer[], host: string, isAlive: (pid: number) => boolean): string[] {
  return listed
    .filter((c) => c.Labels[LABEL_TARGET] === 'docker' && c.Labels[LABEL_HOST] === host)
    .filter((c) => {
      const owner = Number(c.Labels[LABEL_OWNER]);
      return Number.isInteger(owner) && owner > 0 && !isAlive(owner);
    })
    .map((c) => c.Id);
}

/** Remove lab containers whose owning steplab process has died. */
export async function sweepStaleContainers(client: ContainerRuntimeClient, remove: (id: string) => Promise<void>): Promise<void> {
  const listed = await client.container.dockerode.listContainers({ all: true, filters: { label: [`${LABEL_TARGET}=docker`] } });
  await Promise.all(staleContainers(listed, hostname(), processIsAlive).map(remove));
}

/** Whether a process with this id runs on this host (EPERM means it runs as someone else). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

