// The docker target's lab image: stage `lab` of docker/Dockerfile, built once per version of that file.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContainerRuntimeClient } from 'testcontainers';
import { SteplabError } from '../../errors.ts';
import { LABEL_TARGET } from './sweep.ts';

/** The folder holding the lab image's Dockerfile; it is the whole build context (nothing else is sent to Docker). */
export const DOCKER_DIR = fileURLToPath(new URL('../../../docker/', import.meta.url));

/** The tag of the lab image built from this Dockerfile: a new Dockerfile gets a new image, an unchanged one is reused. */
export function labImageTag(dockerfile: string): string {
  return `steplab-lab:${createHash('sha256').update(dockerfile).digest('hex').slice(0, 12)}`;
}

/** Build the lab image (stage `lab` of docker/Dockerfile) unless this version of it exists; return its tag. */
export async function ensureLabImage(client: ContainerRuntimeClient, onProgress: (line: string) => void): Promise<string> {
  const dockerfile = readFileSync(`${DOCKER_DIR}Dockerfile`, 'utf8');
  const tag = labImageTag(dockerfile);
  const docker = client.container.dockerode;
  if (await docker.getImage(tag).inspect().then(() => true, () => false)) return tag;
  onProgress(`building the lab image ${tag} from docker/Dockerfile (first run only, about a minute)`);
  const stream = await docker.buildImage({ context: DOCKER_DIR, src: ['Dockerfile'] }, { t: tag, target: 'lab', labels: { [LABEL_TARGET]: 'docker' } });
  const events = await new Promise<BuildEvent[]>((resolve, reject) =>
    docker.modem.followProgress(stream, (error: Error | null, output: BuildEvent[]) => (error ? reject(error) : resolve(output)), (event: BuildEvent) => {
      if (event.stream?.startsWith('Step ')) onProgress(event.stream.trim());
    }),
  );
  const failure = buildFailure(events);
  if (failure) {
    throw new SteplabError(
      'TARGET_UNAVAILABLE',
      `Docker could not build the lab image from docker/Dockerfile: ${failure}`,
      /debian:bookworm-slim|pull access|registry|lookup|dial tcp/i.test(failure)
        ? 'The base image debian:bookworm-slim could not be pulled. Without a registry, build it from Debian packages: sudo docker/build-base-image.sh'
        : 'Check that Docker can reach a Debian mirror (the image installs packages with apt-get), then try again.',
    );
  }
  return tag;
}

/** One line of Docker's build progress. */
export interface BuildEvent {
  readonly stream?: string;
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
}

/** The error Docker reported while building, if any (its build stream carries errors as events, not as a failed request). */
export function buildFailure(events: readonly BuildEvent[]): string | undefined {
  const failed = events.find((e) => e.error !== undefined || e.errorDetail?.message !== undefined);
  return failed ? (failed.errorDetail?.message ?? failed.error ?? '').trim() : undefined;
}

