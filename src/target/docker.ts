// The docker target: one container of the lab image (docker/Dockerfile) per run; processes start in it with `docker exec -i`.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ContainerRuntimeClient, StartedTestContainer } from 'testcontainers';
import { SteplabError } from '../errors.ts';
import { commandExists, startProcess } from '../process/spawn.ts';
import type { Target, TargetProcess } from './types.ts';

/** The folder holding the lab image's Dockerfile; it is the whole build context (nothing else is sent to Docker). */
export const DOCKER_DIR = fileURLToPath(new URL('../../docker/', import.meta.url));

/**
 * What the container is granted instead of `--privileged` (see docs/targets.md for each one's reason):
 * NET_ADMIN and NET_RAW for the lab's links, routes, iptables, ping and tcpdump when the sandbox runs
 * without a user namespace (inside one the kernel grants them over its own namespaces); SYS_ADMIN for the
 * sandbox's namespaces and mounts (Docker's default seccomp profile allows unshare, setns and mount
 * only with it) and for the image's entrypoint to remount /sys read-write; `apparmor=unconfined`
 * because AppArmor's docker-default profile denies every mount; and unmasked system paths (the CLI's
 * `--security-opt systempaths=unconfined`), since the kernel lets a user namespace mount its own
 * /proc only where no part of /proc is hidden.
 */
export const CONTAINER_GRANTS = {
  capabilities: ['NET_ADMIN', 'SYS_ADMIN', 'NET_RAW'],
  securityOptions: ['apparmor=unconfined'],
  unmaskedSystemPaths: true,
} as const;

/** Labels that mark a container as steplab's: who owns it, so stale ones can be swept when their owner is gone. */
export const LABEL_TARGET = 'steplab.target';
export const LABEL_OWNER = 'steplab.owner';
export const LABEL_HOST = 'steplab.host';

export interface DockerTargetOptions {
  /** Where progress goes while the lab image builds (first run only). */
  readonly onProgress?: (line: string) => void;
}

/** Start the lab container and return it as a target; dispose it to remove the container. */
export async function startDockerTarget(options: DockerTargetOptions = {}): Promise<Target> {
  // testcontainers' reaper (Ryuk) is itself an image to pull; steplab removes its own containers instead.
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const { GenericContainer, getContainerRuntimeClient } = await import('testcontainers');
  /** The lab container: testcontainers' container with /proc and /sys left unmasked, which the API spells as empty path lists. */
  class LabContainer extends GenericContainer {
    withUnmaskedSystemPaths(): this {
      this.hostConfig.MaskedPaths = [];
      this.hostConfig.ReadonlyPaths = [];
      return this;
    }
  }
  const client = await getContainerRuntimeClient().catch((error: unknown) => {
    throw unavailable(`no container runtime answered (${firstLine(error)})`);
  });
  const cli = await dockerCli();
  const env = cliEnv(client);
  await sweepStaleContainers(client, (id) => removeContainer(cli, env, id));
  const image = await ensureLabImage(client, options.onProgress ?? (() => {}));
  const started = await new LabContainer(image)
    .withLabels({ [LABEL_TARGET]: 'docker', [LABEL_OWNER]: String(process.pid), [LABEL_HOST]: hostname() })
    .withAddedCapabilities(...CONTAINER_GRANTS.capabilities)
    .withSecurityOpt(...CONTAINER_GRANTS.securityOptions)
    .withUnmaskedSystemPaths()
    // The sandbox makes its own networks inside; the container needs none of Docker's.
    .withNetworkMode('none')
    .start();
  const watchdog = startWatchdog(cli, env, started.getId());
  const kernel = String((await client.container.dockerode.info().catch(() => ({}))).KernelVersion ?? 'unknown');
  return new DockerTarget(started, cli, env, watchdog, `${image} in container ${started.getId().slice(0, 12)}, kernel ${kernel}`);
}

class DockerTarget implements Target {
  readonly name = 'docker' as const;
  readonly root = true;
  readonly description: string;
  readonly #container: StartedTestContainer;
  readonly #cli: string;
  readonly #env: Readonly<Record<string, string>>;
  readonly #watchdog: TargetProcess;
  #disposed: Promise<void> | undefined;

  constructor(container: StartedTestContainer, cli: string, env: Readonly<Record<string, string>>, watchdog: TargetProcess, description: string) {
    this.#container = container;
    this.#cli = cli;
    this.#env = env;
    this.#watchdog = watchdog;
    this.description = description;
  }

  /** Start argv in the container; closing its stdin closes the process's stdin (docker exec -i half-closes the stream). */
  spawn(argv: readonly string[]): TargetProcess {
    if (this.#disposed) throw new SteplabError('TARGET_UNAVAILABLE', 'the docker target has been disposed; start a new one');
    if (argv.length === 0) throw new Error('spawn needs a command');
    return startProcess(this.#cli, ['exec', '-i', this.#container.getId(), ...argv], { env: this.#env });
  }

  /** Remove the container, then let the watchdog go. Safe to call twice. */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      await this.#container.stop({ timeout: 0, remove: true }).catch(() => {});
      this.#watchdog.stdin.end();
      await this.#watchdog;
    })();
    return this.#disposed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

/** The tag of the lab image built from this Dockerfile: a new Dockerfile gets a new image, an unchanged one is reused. */
export function labImageTag(dockerfile: string): string {
  return `steplab-lab:${createHash('sha256').update(dockerfile).digest('hex').slice(0, 12)}`;
}

/** Build the lab image (stage `lab` of docker/Dockerfile) unless this version of it exists; return its tag. */
async function ensureLabImage(client: ContainerRuntimeClient, onProgress: (line: string) => void): Promise<string> {
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
async function sweepStaleContainers(client: ContainerRuntimeClient, remove: (id: string) => Promise<void>): Promise<void> {
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

/**
 * A host process that removes the container when steplab goes away however it goes (crash, kill -9):
 * it ignores the signals a terminal sends, waits for its stdin (our pipe) to close, then runs `docker rm -f`.
 */
function startWatchdog(cli: string, env: Readonly<Record<string, string>>, id: string): TargetProcess {
  const script = `trap '' INT TERM HUP; cat >/dev/null; exec "$1" rm -f "$2" >/dev/null 2>&1`;
  const watchdog = startProcess('sh', ['-c', script, 'steplab-watchdog', cli, id], { env });
  watchdog.stdin.on('error', () => {});
  return watchdog;
}

/** Force-remove one container through the CLI, ignoring "no such container". */
async function removeContainer(cli: string, env: Readonly<Record<string, string>>, id: string): Promise<void> {
  const p = startProcess(cli, ['rm', '-f', id], { env });
  p.stdin.end();
  await p;
}

/** The CLI used for exec: docker, or podman where it stands in for docker. */
async function dockerCli(): Promise<string> {
  for (const cli of ['docker', 'podman']) if (await commandExists(cli)) return cli;
  throw unavailable('a container runtime answers, but neither the docker nor the podman command is on PATH (steplab starts processes with `docker exec`)');
}

/**
 * Point the CLI at the engine testcontainers connected to: it tries DOCKER_HOST, its config file and the
 * usual sockets in turn, so the CLI's own default (or a stale DOCKER_HOST) may name another engine or none.
 */
function cliEnv(client: ContainerRuntimeClient): Readonly<Record<string, string>> {
  const modem = client.container.dockerode.modem as { socketPath?: unknown; host?: unknown; port?: unknown };
  const host = dockerHostFor(modem);
  return host ? { DOCKER_HOST: host } : {};
}

/** DOCKER_HOST for a dockerode connection: a unix socket path or a tcp host and port. */
export function dockerHostFor(modem: { socketPath?: unknown; host?: unknown; port?: unknown }): string | undefined {
  if (typeof modem.socketPath === 'string' && modem.socketPath !== '') {
    return modem.socketPath.startsWith('//./pipe/') ? `npipe://${modem.socketPath}` : `unix://${modem.socketPath}`;
  }
  if (typeof modem.host === 'string' && modem.host !== '') return `tcp://${modem.host}:${String(modem.port ?? 2375)}`;
  return undefined;
}

/** The error for a machine where the docker target cannot run, with what to do instead. */
function unavailable(why: string): SteplabError {
  return new SteplabError(
    'TARGET_UNAVAILABLE',
    `The docker target needs a running Docker Engine (or Docker Desktop, or Podman): ${why}.`,
    [
      'Linux: install Docker Engine (Debian/Ubuntu: sudo apt-get install docker.io) and start it (sudo systemctl start docker),',
      '  and let your user reach it (sudo usermod -aG docker $USER, then log in again).',
      'macOS/Windows: start Docker Desktop or a Podman machine. Or choose another target: --target sandbox or --target vagrant.',
    ].join('\n'),
  );
}

/** The first line of an error's message. */
const firstLine = (error: unknown): string => String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
