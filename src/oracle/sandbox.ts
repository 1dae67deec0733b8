// A lab with a real Docker engine inside: real root in fresh network, mount and PID namespaces, dockerd and
// its children in them, each container's namespace named for `ip netns`. Everything ends with the lab.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SteplabError } from '../errors.ts';
import type { Lesson } from '../lesson/types.ts';
import { shellQuote } from '../process/shell-quote.ts';
import { startSandbox } from '../sandbox/sandbox.ts';
import type { RunOptions, Sandbox, ShellResult } from '../sandbox/types.ts';
import type { Target } from '../target/types.ts';
import type { EngineChoice } from './engine.ts';
import { runOnTarget } from './on-target.ts';

const ENGINE = readFileSync(new URL('./scripts/engine.sh', import.meta.url), 'utf8');
const NAME_NETNS = readFileSync(new URL('./scripts/name-netns.sh', import.meta.url), 'utf8');
const START_TIMEOUT_MS = 90_000;
export const DOCKER_SOCKET = '/run/steplab/docker/docker.sock';

/** What the engine's lab needs: which binaries, and the lab image's tar on the target. */
export interface EngineSandboxOptions {
  readonly engine: EngineChoice;
  readonly imageTar: string;
  /** dockerd options the lesson asks for (a docker block's `daemon="…"`), after steplab's own. */
  readonly daemon?: readonly string[];
}

/** Start a lab with a Docker engine inside; the lesson shell talks to it with `docker`. */
export async function startEngineSandbox(target: Target, lesson: Lesson, options: EngineSandboxOptions): Promise<EngineSandbox> {
  const inner = await startSandbox(target, { world: lesson.world, userns: false });
  // Containers' cgroups are made in the host's hierarchies (cgroups are not namespaced here): under a parent
  // of this lab's own, removed when the lab ends.
  const cgroupParent = `steplab-oracle-${randomBytes(6).toString('hex')}`;
  const sandbox = new EngineSandbox(target, inner, cgroupParent);
  try {
    const args = [options.engine.dir ?? '', options.imageTar, cgroupParent, ...(options.daemon ?? [])].map(shellQuote).join(' ');
    const started = await inner.probe(`bash -c ${shellQuote(ENGINE)} steplab ${args}`, START_TIMEOUT_MS);
    const ready = /STEPLAB-ENGINE-READY (\S+)/.exec(started.output);
    if (!ready) {
      const why = started.output.slice(started.output.indexOf('STEPLAB-ENGINE-FAIL')).replace('STEPLAB-ENGINE-FAIL ', '').trim();
      throw new SteplabError('ENGINE_UNAVAILABLE', `the Docker engine did not start in the lab: ${why || (started.timedOut ? `no answer in ${START_TIMEOUT_MS / 1000} s` : `exit ${started.exitCode}`)}`);
    }
    sandbox.version = ready[1] ?? '';
    sandbox.daemon = options.daemon ?? [];
    const path = options.engine.dir === undefined ? '' : `export PATH=${shellQuote(options.engine.dir)}:$PATH\n`;
    await inner.run(`${path}export DOCKER_HOST=unix://${DOCKER_SOCKET}`, { timeoutMs: 5_000 });
    return sandbox;
  } catch (error) {
    await sandbox.dispose();
    throw error;
  }
}

export class EngineSandbox implements Sandbox {
  readonly #target: Target;
  readonly #inner: Sandbox;
  readonly #cgroupParent: string;
  #disposed = false;
  /** The engine's version, as `docker version` reports it. */
  version = '';
  /** The dockerd options the lesson asked for. */
  daemon: readonly string[] = [];

  constructor(target: Target, inner: Sandbox, cgroupParent: string) {
    this.#target = target;
    this.#inner = inner;
    this.#cgroupParent = cgroupParent;
  }

  /** Run a block in the lesson shell, then name the namespaces of the containers it started. */
  async run(code: string, options: RunOptions): Promise<ShellResult> {
    const result = await this.#inner.run(code, options);
    await this.#inner.probe(NAME_NETNS);
    return result;
  }

  probe(code: string, timeoutMs?: number): Promise<ShellResult> {
    return this.#inner.probe(code, timeoutMs);
  }

  read(code: string, timeoutMs?: number): Promise<ShellResult> {
    return this.#inner.read(code, timeoutMs);
  }

  interactiveArgv(): readonly string[] {
    return this.#inner.interactiveArgv();
  }

  /** What the engine built, for a failure: containers, networks, links, addresses, routes and rules. */
  async state(): Promise<string> {
    const r = await this.#inner.probe(`export DOCKER_HOST=unix://${DOCKER_SOCKET}
echo "Docker ${this.version}${this.daemon.length === 0 ? '' : ` (dockerd ${this.daemon.join(' ')})`}: containers"
docker ps -a --format '  {{.Names}} ({{.Status}}) networks: {{.Networks}} ports: {{.Ports}}'
for c in $(docker ps -q); do docker inspect -f '  {{.Name}}:{{range $n, $e := .NetworkSettings.Networks}} {{$n}}={{$e.IPAddress}}/{{$e.IPPrefixLen}} gw {{$e.Gateway}}{{end}}' "$c"; done
echo "networks"
docker network ls --format '  {{.Name}} ({{.Driver}})'
echo "links and addresses on the host"
ip -br addr | sed 's/^/  /'
echo "routes on the host"
ip route | sed 's/^/  /'
echo "iptables rules"
iptables-save | grep '^[*-]' | sed 's/^/  /'`);
    return r.output.trimEnd();
  }

  /** End the lab (and with it dockerd, containerd, the shims and every container), then remove the cgroups. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.#inner.dispose();
    await runOnTarget(this.#target, `for try in 1 2 3 4 5 6 7 8 9 10; do
  left=
  for d in /sys/fs/cgroup/*/"$1" /sys/fs/cgroup/"$1"; do
    [ -d "$d" ] || continue
    find "$d" -depth -type d -exec rmdir {} + 2>/dev/null || left=1
  done
  [ -z "$left" ] && exit 0
  sleep 0.2
done
echo "cgroups left under $1" >&2; exit 1`, [this.#cgroupParent], 10_000);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}
