// Read the sandbox's network state once, through the reader shell, into a typed Snapshot.

import { SteplabError } from '../errors.ts';
import type { ShellResult } from '../lab-types.ts';
import { ALL_PARTS, snapshotScript, type SnapshotPart } from './collect.ts';
import { parseSnapshot } from './parse.ts';
import type { Snapshot } from './types.ts';

/** The last few lines of some output, for an error message. */
function tail(output: string, lines = 5): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Run the snapshot script for the parts asked for (all by default), in the namespaces asked for (every
 * one by default; see snapshotScript), and parse it. A non-zero exit still parses when the lab host came
 * through (with its links, when they were asked for and it was read): one namespace's failed read must
 * not hide the others. Without it the sandbox is broken.
 */
export async function takeSnapshot(read: (code: string) => Promise<ShellResult>, parts: readonly SnapshotPart[] = ALL_PARTS, only?: readonly string[]): Promise<Snapshot> {
  const result = await read(snapshotScript(parts, only));
  const snapshot = parseSnapshot(result.output);
  const host = snapshot.namespaces.find((ns) => ns.kind === 'host');
  const hostRead = only === undefined || only.includes('host:');
  if (host === undefined || (hostRead && parts.includes('ip') && host.links.length === 0)) {
    const why = result.timedOut ? `timed out after ${result.durationMs} ms` : `exited ${result.exitCode}`;
    throw new SteplabError(
      'SANDBOX_BROKEN',
      `Could not read the sandbox's network state: the snapshot script ${why} without listing the lab host's links.\n${tail(result.output)}`,
      'Check that iproute2 works on the target: open a shell in the lab and run `ip -j -d addr show`; install iproute2 if it is missing.',
    );
  }
  return snapshot;
}
