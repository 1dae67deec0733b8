// The `lab` image: a root filesystem made from the target's own programs (nothing pulled), as a tar for `docker import`.

import { readFileSync } from 'node:fs';
import { SteplabError } from '../errors.ts';
import type { Target } from '../target/types.ts';
import { runOnTarget } from './on-target.ts';

const SCRIPT = readFileSync(new URL('./scripts/lab-image.sh', import.meta.url), 'utf8');

/** The image's tar on the target; remove it when the run is over. */
export interface LabImage {
  readonly tar: string;
  dispose(): Promise<void>;
}

/**
 * Make the tar once per run in a folder of its own under /var/tmp on the target: the lab mounts its own
 * /tmp, /run and /root, so the engine inside it reads the tar from there.
 */
export async function makeLabImage(target: Target): Promise<LabImage> {
  const made = await runOnTarget(target, 'dir=$(mktemp -d /var/tmp/steplab-oracle.XXXXXX) && bash -c "$1" steplab "$dir/lab.tar" && echo "TAR $dir/lab.tar"', [SCRIPT]);
  const tar = /^TAR (\S+)$/m.exec(made.output)?.[1];
  if (made.exitCode !== 0 || tar === undefined) {
    throw new SteplabError('ENGINE_UNAVAILABLE', `cannot make the lab image on the ${target.name} target: ${made.output.trim()}`);
  }
  let disposed = false;
  return {
    tar,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await runOnTarget(target, 'rm -rf -- "$(dirname "$1")"', [tar]);
    },
  };
}
