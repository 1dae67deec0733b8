// One list of the lab's tools (src/lab-tools.ts): every place that installs, checks, lints or explains them agrees with it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTool } from '../../../src/explainer/registry.ts';
import { LAB_TOOLS, labPackages } from '../../../src/lab-tools.ts';
import { KNOWN_COMMANDS } from '../../../src/lesson/known-commands.ts';

const repo = join(import.meta.dirname, '../../..');
const read = (path: string): string => readFileSync(join(repo, path), 'utf8');
const words = (text: string): string[] => text.split(/[\s\\]+/).filter((w) => w !== '').sort();

/** The packages scripts/install-lab.sh installs: its LAB_PACKAGES="…". */
export function installLabPackages(script: string): string[] {
  const m = /^LAB_PACKAGES="([^"]*)"/m.exec(script);
  if (!m?.[1]) throw new Error('scripts/install-lab.sh: no LAB_PACKAGES="…" line');
  return words(m[1]);
}

/** The packages the `lab` stage of docker/Dockerfile installs: the words after --no-install-recommends, up to `&&`. */
export function dockerfilePackages(dockerfile: string): string[] {
  const stage = dockerfile.split(/^FROM /m).find((s) => /^\S+ AS lab\b/.test(s)) ?? '';
  const m = /--no-install-recommends([^&]*)&&/.exec(stage);
  if (!m?.[1]) throw new Error('docker/Dockerfile: no apt-get install … --no-install-recommends … && in the lab stage');
  return words(m[1]);
}

/** The packages vagrant/provision.sh installs: its lab_packages=(…). */
export function provisionPackages(script: string): string[] {
  const m = /^lab_packages=\(([^)]*)\)/m.exec(script);
  if (!m?.[1]) throw new Error('vagrant/provision.sh: no lab_packages=(…) array');
  return words(m[1]);
}

describe('the lab tools list', () => {
  it('names each command once', () => {
    const commands = LAB_TOOLS.map((t) => t.command);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('is what scripts/install-lab.sh installs on this machine', () => {
    expect(installLabPackages(read('scripts/install-lab.sh'))).toEqual(labPackages({ host: true }));
  });

  it('is what the lab image installs, plus tini as its PID 1', () => {
    expect(dockerfilePackages(read('docker/Dockerfile'))).toEqual([...labPackages({ host: false }), 'tini'].sort());
  });

  it('is what the Vagrant machine is provisioned with, plus sudo for its user', () => {
    expect(provisionPackages(read('vagrant/provision.sh'))).toEqual([...labPackages({ host: false }), 'sudo'].sort());
  });

  it('leaves out of the container and the VM only what this machine`s sandbox needs', () => {
    const hostOnly = labPackages({ host: true }).filter((p) => !labPackages({ host: false }).includes(p));
    expect(hostOnly).toEqual(['bsdutils', 'uidmap']);
  });

  it('is known to lint, so a lesson may name each command a learner types in `requires`', () => {
    expect(LAB_TOOLS.filter((t) => !t.internal && !KNOWN_COMMANDS.includes(t.command)).map((t) => t.command)).toEqual([]);
  });

  it('can be explained, each command a learner types', () => {
    expect(LAB_TOOLS.filter((t) => !t.internal && !findTool(t.command)).map((t) => t.command)).toEqual([]);
  });
});

describe('the parsers of the install scripts', () => {
  it('fail with the file they could not read', () => {
    expect(() => installLabPackages('echo hi')).toThrow(/install-lab\.sh/);
    expect(() => dockerfilePackages('FROM x AS vagrant\n')).toThrow(/Dockerfile/);
    expect(() => provisionPackages('')).toThrow(/provision\.sh/);
  });

  it('read the words of each format', () => {
    expect(installLabPackages('x\nLAB_PACKAGES="b a"\n')).toEqual(['a', 'b']);
    expect(dockerfilePackages('FROM debian AS lab\nRUN apt-get install -y --no-install-recommends \\\n  b \\\n  a \\\n && rm x\nFROM lab AS vagrant\nRUN apt-get install --no-install-recommends c && x')).toEqual(['a', 'b']);
    expect(provisionPackages('lab_packages=(b a\n  c)\n')).toEqual(['a', 'b', 'c']);
  });
});
