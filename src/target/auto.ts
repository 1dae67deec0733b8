// --target auto: the sandbox where this kernel allows it, else docker, else vagrant, saying why each was passed over.

import { SteplabError } from '../errors.ts';
import { startDockerTarget } from './docker/target.ts';
import { checkLocal, localTarget } from './local.ts';
import type { Target, TargetName } from './types.ts';
import { startVagrantTarget } from './vagrant.ts';

/** A target auto may pick: its name and how to start it (throws, with the reason, where it cannot run). */
export interface Candidate {
  readonly name: TargetName;
  start(): Promise<Target>;
}

/** A target that was tried and passed over, and why. */
export interface PassedOver {
  readonly name: TargetName;
  readonly reason: string;
}

export interface PickedTarget {
  readonly target: Target;
  /** The earlier targets that could not run here, in the order tried. */
  readonly passedOver: readonly PassedOver[];
}

export interface PickOptions {
  /** What to try, in order (default: sandbox, docker, vagrant). */
  readonly candidates?: readonly Candidate[];
  /** Progress while a target starts (the docker target may build its image). */
  readonly onProgress?: (line: string) => void;
}

/** Start the first candidate that works; throw TARGET_UNAVAILABLE with every reason when none does. */
export async function pickTarget(options: PickOptions = {}): Promise<PickedTarget> {
  const candidates = options.candidates ?? defaultCandidates(options.onProgress);
  const passedOver: PassedOver[] = [];
  for (const candidate of candidates) {
    try {
      return { target: await candidate.start(), passedOver };
    } catch (error) {
      passedOver.push({ name: candidate.name, reason: reasonOf(error) });
    }
  }
  throw new SteplabError(
    'TARGET_UNAVAILABLE',
    `No target can run lessons on this machine:\n${passedOver.map((p) => `  ${p.name}: ${p.reason}`).join('\n')}`,
    'Fix one of them (each reason says how), then run again; docs/targets.md compares the targets.',
  );
}

/** sandbox, docker, vagrant: the cheapest first. */
export function defaultCandidates(onProgress?: (line: string) => void): Candidate[] {
  return [
    localCandidate(),
    { name: 'docker', start: () => startDockerTarget(onProgress ? { onProgress } : {}) },
    { name: 'vagrant', start: () => startVagrantTarget() },
  ];
}

/** The local target, offered once `check` (this kernel, by default) has shown it lets us create the sandbox's namespaces. */
export function localCandidate(check: () => Promise<string | undefined> = checkLocal): Candidate {
  return {
    name: 'sandbox',
    start: async () => {
      const refused = await check();
      if (refused) throw new SteplabError(process.platform === 'linux' ? 'USERNS_DENIED' : 'TARGET_UNAVAILABLE', refused);
      return localTarget();
    },
  };
}

/** One line saying why a target could not start. */
function reasonOf(error: unknown): string {
  if (error instanceof SteplabError) return error.message.split('\n')[0] ?? error.message;
  return error instanceof Error ? `${error.message.split('\n')[0]} (unexpected error)` : String(error);
}
