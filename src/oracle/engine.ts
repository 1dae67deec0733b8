// Which Docker engine the oracle uses on a target: the machine's own, or the binaries in a folder the user names.

import type { Target } from '../target/types.ts';
import { runOnTarget } from './on-target.ts';

/** Where the engine's binaries are looked up; `dir` first, then the target's PATH. */
export interface EngineChoice {
  /** A folder holding dockerd (and containerd, docker-proxy…), e.g. Debian 13's docker.io unpacked with dpkg -x. */
  readonly dir: string | undefined;
}

export type EngineFound =
  | { readonly ok: true; readonly version: string; readonly dockerd: string }
  | { readonly ok: false; readonly reason: string };

/** The env var that names an engine folder when --engine is not given. */
export const ENGINE_ENV = 'STEPLAB_DOCKER_ENGINE';

/** The engine folder from --engine or the environment; undefined means the target's PATH. */
export function engineChoice(option: string | undefined, env: NodeJS.ProcessEnv = process.env): EngineChoice {
  const dir = option ?? env[ENGINE_ENV];
  return { dir: dir === undefined || dir === '' ? undefined : dir };
}

const FIND = `
[ -n "$1" ] && export PATH="$1:$PATH"
[ "$(id -u)" = 0 ] || { echo "NOT-ROOT"; exit 0; }
missing=
for tool in dockerd containerd runc docker; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
[ -z "$missing" ] || { echo "MISSING$missing"; exit 0; }
echo "FOUND $(command -v dockerd) $(dockerd --version 2>&1 | head -1)"
`;

/** Look for dockerd, containerd, runc and the docker client on the target, as root; say what is missing and what to do. */
export async function findEngine(target: Target, choice: EngineChoice): Promise<EngineFound> {
  const r = await runOnTarget(target, FIND, [choice.dir ?? ''], 20_000);
  const line = r.output.trim().split('\n').at(-1) ?? '';
  const where = choice.dir === undefined ? `on the ${target.name} target's PATH` : `in ${choice.dir} or on the ${target.name} target's PATH`;
  if (line === 'NOT-ROOT') {
    return {
      ok: false,
      reason: `the Docker engine runs as real root inside the lab (cgroups cannot be set up in the lab's user namespace), and steplab runs as an ordinary user on the ${target.name} target. Run it as root (sudo), or use --target docker or --target vagrant.`,
    };
  }
  if (line.startsWith('MISSING')) {
    const missing = line.slice('MISSING'.length).trim();
    return {
      ok: false,
      reason: `no Docker engine ${where}: ${missing.split(' ').join(', ')} not found. Install Debian's docker.io (apt-get install docker.io), or point --engine (or ${ENGINE_ENV}) at a folder holding dockerd, containerd and docker-proxy.`,
    };
  }
  const m = /^FOUND (\S+) .*?version ([^\s,]+)/.exec(line);
  if (!m) return { ok: false, reason: `cannot tell which Docker engine is ${where}: ${r.output.trim() || `exit ${r.exitCode}`}` };
  return { ok: true, dockerd: m[1] ?? '', version: m[2] ?? '' };
}
