import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFailure, labImageTag } from '../../../src/target/docker/image.ts';
import { LABEL_HOST, LABEL_OWNER, LABEL_TARGET, processIsAlive, staleContainers } from '../../../src/target/docker/sweep.ts';
import { CONTAINER_GRANTS, dockerHostFor } from '../../../src/target/docker/target.ts';

describe('labImageTag', () => {
  it('names the image after the Dockerfile’s content, so a changed Dockerfile is rebuilt and an unchanged one reused', () => {
    const a = labImageTag('FROM debian:bookworm-slim\n');
    expect(a).toMatch(/^steplab-lab:[0-9a-f]{12}$/);
    expect(labImageTag('FROM debian:bookworm-slim\n')).toBe(a);
    expect(labImageTag('FROM debian:bookworm-slim\nRUN true\n')).not.toBe(a);
  });
});

describe('buildFailure', () => {
  it('finds the error Docker reports inside a build stream', () => {
    expect(buildFailure([{ stream: 'Step 1/5 : FROM debian:bookworm-slim AS lab\n' }, { stream: ' ---> 868e9d26347b\n' }])).toBeUndefined();
    expect(
      buildFailure([
        { stream: 'Step 1/5 : FROM debian:bookworm-slim AS lab\n' },
        { errorDetail: { message: 'pull access denied for debian, repository does not exist' }, error: 'pull access denied' },
      ]),
    ).toBe('pull access denied for debian, repository does not exist');
    expect(buildFailure([{ error: "The command '/bin/sh -c apt-get update' returned a non-zero code: 100\n" }])).toBe(
      "The command '/bin/sh -c apt-get update' returned a non-zero code: 100",
    );
  });
});

describe('staleContainers', () => {
  const labels = (owner: string, host = 'box') => ({ [LABEL_TARGET]: 'docker', [LABEL_OWNER]: owner, [LABEL_HOST]: host });
  const alive = new Set([100]);

  it('picks this host’s lab containers whose owner process is gone', () => {
    const listed = [
      { Id: 'dead-owner', Labels: labels('200') },
      { Id: 'live-owner', Labels: labels('100') },
      { Id: 'other-host', Labels: labels('200', 'laptop') },
      { Id: 'not-ours', Labels: { [LABEL_OWNER]: '200', [LABEL_HOST]: 'box' } },
      { Id: 'garbled-owner', Labels: labels('abc') },
    ];
    expect(staleContainers(listed, 'box', (pid) => alive.has(pid))).toEqual(['dead-owner']);
  });
});

describe('processIsAlive', () => {
  it('tells this process from one that does not exist', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    expect(processIsAlive(2 ** 22 + 12345)).toBe(false);
  });
});

describe('dockerHostFor', () => {
  it('points the docker CLI at the socket or host testcontainers connected to', () => {
    expect(dockerHostFor({ socketPath: '/var/run/docker.sock' })).toBe('unix:///var/run/docker.sock');
    expect(dockerHostFor({ socketPath: '/run/user/1000/podman/podman.sock' })).toBe('unix:///run/user/1000/podman/podman.sock');
    expect(dockerHostFor({ socketPath: '//./pipe/docker_engine' })).toBe('npipe:////./pipe/docker_engine');
    expect(dockerHostFor({ host: 'docker.internal', port: 2376 })).toBe('tcp://docker.internal:2376');
    expect(dockerHostFor({})).toBeUndefined();
  });
});

describe('the grants of CI`s fresh container', () => {
  it('are the docker target`s: its capabilities and security options, never --privileged', () => {
    const script = readFileSync(join(import.meta.dirname, '../../../.ci/fresh-container.sh'), 'utf8');
    const run = script.slice(script.indexOf('docker run'), script.indexOf('sleep infinity'));
    expect([...run.matchAll(/--cap-add (\S+)/g)].map((m) => m[1])).toEqual([...CONTAINER_GRANTS.capabilities]);
    const security = [...run.matchAll(/--security-opt (\S+)/g)].map((m) => m[1]);
    expect(security).toEqual([...CONTAINER_GRANTS.securityOptions, ...(CONTAINER_GRANTS.unmaskedSystemPaths ? ['systempaths=unconfined'] : [])]);
    expect(run).not.toContain('--privileged');
  });
});
