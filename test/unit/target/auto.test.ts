import { describe, expect, it } from 'vitest';
import { SteplabError } from '../../../src/errors.ts';
import { defaultCandidates, localCandidate, pickTarget, type Candidate } from '../../../src/target/auto.ts';
import type { Target, TargetName } from '../../../src/target/types.ts';

/** A target that records whether it was disposed; spawning is not needed to test the choice. */
function fakeTarget(name: TargetName): Target & { disposed: boolean } {
  return {
    name,
    description: `fake ${name}`,
    root: false,
    disposed: false,
    spawn: () => {
      throw new Error('not used');
    },
    async dispose() {
      this.disposed = true;
    },
    async [Symbol.asyncDispose]() {
      await this.dispose();
    },
  };
}

/** A candidate that starts, or fails with the given reason; counts its starts. */
function candidate(name: TargetName, failure?: Error) {
  const c = {
    name,
    starts: 0,
    async start() {
      c.starts += 1;
      if (failure) throw failure;
      return fakeTarget(name);
    },
  };
  return c satisfies Candidate;
}

describe('pickTarget', () => {
  it('takes the first target that starts and tries no further', async () => {
    const sandbox = candidate('sandbox');
    const docker = candidate('docker');
    const picked = await pickTarget({ candidates: [sandbox, docker] });
    expect(picked.target.name).toBe('sandbox');
    expect(picked.passedOver).toEqual([]);
    expect(docker.starts).toBe(0);
  });

  it('says why it passed over each earlier target', async () => {
    const picked = await pickTarget({
      candidates: [
        candidate('sandbox', new SteplabError('USERNS_DENIED', "this kernel refuses the sandbox's namespaces (unshare: Operation not permitted)")),
        candidate('docker', new SteplabError('TARGET_UNAVAILABLE', 'The docker target needs a running Docker Engine: no container runtime answered.\nmore')),
        candidate('vagrant'),
      ],
    });
    expect(picked.target.name).toBe('vagrant');
    expect(picked.passedOver).toEqual([
      { name: 'sandbox', reason: "this kernel refuses the sandbox's namespaces (unshare: Operation not permitted)" },
      { name: 'docker', reason: 'The docker target needs a running Docker Engine: no container runtime answered.' },
    ]);
  });

  it('marks a failure that is not one of ours as unexpected, and still moves on', async () => {
    const picked = await pickTarget({ candidates: [candidate('docker', new Error('socket hang up')), candidate('vagrant')] });
    expect(picked.passedOver).toEqual([{ name: 'docker', reason: 'socket hang up (unexpected error)' }]);
  });

  it('fails with every reason when no target can run', async () => {
    const error = await pickTarget({
      candidates: [candidate('sandbox', new SteplabError('USERNS_DENIED', 'no user namespaces')), candidate('docker', new SteplabError('TARGET_UNAVAILABLE', 'no Docker'))],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SteplabError);
    expect((error as SteplabError).code).toBe('TARGET_UNAVAILABLE');
    expect((error as SteplabError).message).toBe('No target can run lessons on this machine:\n  sandbox: no user namespaces\n  docker: no Docker');
    expect((error as SteplabError).hint).toMatch(/docs\/targets\.md/);
  });

  it('offers the local sandbox only when the kernel check passes, and says what it refused', async () => {
    const allowed = await pickTarget({ candidates: [localCandidate(async () => undefined)] });
    expect(allowed.target.name).toBe('sandbox');
    await allowed.target.dispose();
    const refusal = "this kernel refuses the sandbox's namespaces (unshare: Operation not permitted)";
    const error = await pickTarget({ candidates: [localCandidate(async () => refusal)] }).catch((e: unknown) => e);
    expect((error as SteplabError).message).toBe(`No target can run lessons on this machine:\n  sandbox: ${refusal}`);
  });

  it('tries the sandbox, docker and vagrant, in that order', () => {
    expect(defaultCandidates().map((c) => c.name)).toEqual(['sandbox', 'docker', 'vagrant']);
  });
});
