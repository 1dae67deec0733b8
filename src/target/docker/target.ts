// The docker target: one container of the lab image (docker/Dockerfile) per run; processes start in it with `docker exec -i`.
// Its parts: image.ts builds the image, sweep.ts removes containers of dead runs, watchdog.ts removes this run's container.

import { hostname } from 'node:os';
import type { ContainerRuntimeClient, StartedTestContainer } from 'testcontainers';
import { SteplabError } from '../../errors.ts';
import { commandExists, startProcess } from '../../process/spawn.ts';
import type { Target, TargetProcess } from '../types.ts';
import { ensureLabImage } from './image.ts';
import { LABEL_HOST, LABEL_OWNER, LABEL_TARGET, sweepStaleContainers } from './sweep.ts';
import { removeContainer, startWatchdog } from './watchdog.ts';

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
