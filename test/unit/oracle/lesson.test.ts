import { describe, expect, it } from 'vitest';
import { comparedSummary } from '../../../src/cli/commands/verify-docker.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { engineChoice } from '../../../src/oracle/engine.ts';
import { dockerBlocksUpTo, oracleLesson } from '../../../src/oracle/lesson.ts';

const TEXT = `---
format: 1
id: demo
title: Demo
---

\`\`\`setup
ip link add docker0 type bridge
\`\`\`

\`\`\`docker
docker run -d --name c1 lab sleep infinity
\`\`\`

## By hand only

\`\`\`sh
ip netns add red
\`\`\`

\`\`\`check
netns red exists
\`\`\`

## Both ways

\`\`\`setup
ip netns add c2
\`\`\`

\`\`\`sh
ip -n c2 link set lo up
echo done
\`\`\`

\`\`\`docker
docker run -d --name c2 lab sleep infinity
\`\`\`

\`\`\`check
link lo in c2 is up
output contains "done"
exit status is 0
\`\`\`

\`\`\`cleanup
ip netns del c2
\`\`\`
`;

describe('oracleLesson', () => {
  const lesson = parseLesson(TEXT, 'demo.md').lesson;
  if (lesson === undefined) throw new Error('no lesson');
  const oracle = oracleLesson(lesson);

  const only = oracle.runs[0]?.lesson;

  it('runs the introduction\'s docker blocks in place of its setup, with one engine of default options', () => {
    expect(oracle.runs.map((r) => r.daemon)).toEqual([[]]);
    expect(only?.setup.map((b) => [b.kind, b.code])).toEqual([['docker', 'docker run -d --name c1 lab sleep infinity']]);
    expect(only?.cleanup).toEqual([]);
  });

  it('keeps only steps with a docker block, running just those blocks, and names the rest as not compared', () => {
    expect(only?.steps.map((s) => s.title)).toEqual(['Both ways']);
    expect(oracle.notCompared.map((s) => s.title)).toEqual(['By hand only']);
    const step = only?.steps[0];
    expect(step?.commands.map((b) => b.kind)).toEqual(['docker']);
    expect([step?.setup, step?.cleanup, step?.solution]).toEqual([[], [], []]);
    // The step keeps its index, so reports still say which step of the lesson it is.
    expect(step?.index).toBe(1);
  });

  it('keeps the checks about the kernel and leaves out those about what the hand-built commands printed', () => {
    expect(only?.steps[0]?.checks.map((c) => c.source)).toEqual(['link lo in c2 is up']);
  });

  it('runs a step whose checks are all about printed output, but does not count it as compared unless a docker block is meant to fail', () => {
    const outputOnly = TEXT.replace('link lo in c2 is up\n', '');
    const l1 = parseLesson(outputOnly, 'demo.md').lesson;
    const l2 = parseLesson(outputOnly.replace('```docker\ndocker run -d --name c2', '```docker {exit=1}\ndocker run -d --name c2'), 'demo.md').lesson;
    if (l1 === undefined || l2 === undefined) throw new Error('no lesson');
    expect(oracleLesson(l1).runs[0]?.lesson.steps.map((s) => s.title)).toEqual(['Both ways']);
    expect(oracleLesson(l1).compared).toEqual([]);
    expect(oracleLesson(l1).notCompared.map((s) => s.title)).toEqual(['By hand only', 'Both ways']);
    expect(oracleLesson(l2).compared.map((s) => s.title)).toEqual(['Both ways']);
  });

  it('sums up compared and not compared steps per lesson and in all', () => {
    expect(comparedSummary([oracle, oracle])).toBe(
      'Steps checked against Docker:\n  demo: 1 compared, 1 not compared (not compared: 1)\n  demo: 1 compared, 1 not compared (not compared: 1)\n2 compared, 2 not compared\n',
    );
  });
});

const DAEMON = `---
format: 1
id: icc
title: Icc
---

## Two containers

\`\`\`docker
docker run -d --name c1 lab sleep infinity
docker exec c1 ping -c1 -W1 172.17.0.1
\`\`\`

\`\`\`check
netns c1 exists
\`\`\`

## By hand only

\`\`\`check
netns c1 exists
\`\`\`

## With --icc=false

\`\`\`docker {daemon="--icc=false"}
docker run -d --name c2 lab sleep infinity
\`\`\`

\`\`\`check
netns c2 exists
\`\`\`

## After it

\`\`\`docker {background ready="listening"}
docker run --name c3 lab socat -d -d TCP-LISTEN:80 SYSTEM:true
\`\`\`

\`\`\`check
netns c3 exists
\`\`\`
`;

describe('oracleLesson with daemon="…"', () => {
  const lesson = parseLesson(DAEMON, 'icc.md').lesson;
  if (lesson === undefined) throw new Error('no lesson');
  const oracle = oracleLesson(lesson);

  it('starts a new engine with the options at that step, for it and every step after it', () => {
    expect(oracle.runs.map((r) => [r.daemon, r.lesson.title, r.lesson.steps.map((s) => s.title)])).toEqual([
      [[], 'Icc', ['Two containers']],
      [['--icc=false'], 'Icc (dockerd --icc=false)', ['With --icc=false', 'After it']],
    ]);
    expect(oracle.compared.map((s) => s.title)).toEqual(['Two containers', 'With --icc=false', 'After it']);
  });

  it('rebuilds the earlier steps\' state first, without judging their exit statuses again', () => {
    const setup = oracle.runs[1]?.lesson.setup ?? [];
    expect(setup.map((b) => [b.code, b.exit])).toEqual([['{\ndocker run -d --name c1 lab sleep infinity\ndocker exec c1 ping -c1 -W1 172.17.0.1\n} || :', 0]]);
  });

  it('gives "Let Docker do it" the options in force at a step and the blocks that lead to it', () => {
    const [first, , icc, after] = lesson.steps;
    if (first === undefined || icc === undefined || after === undefined) throw new Error('no steps');
    expect(dockerBlocksUpTo(lesson, first)).toEqual({ daemon: [], blocks: first.docker });
    const upTo = dockerBlocksUpTo(lesson, after);
    expect(upTo.daemon).toEqual(['--icc=false']);
    expect(upTo.blocks.map((b) => b.line)).toEqual([first.docker[0]?.line, icc.docker[0]?.line, after.docker[0]?.line]);
    expect(upTo.blocks.at(-1)?.background).toBe(true);
  });
});

describe('engineChoice', () => {
  it('takes --engine first, then STEPLAB_DOCKER_ENGINE, else the target\'s PATH', () => {
    expect(engineChoice('/opt/d26/bin', { STEPLAB_DOCKER_ENGINE: '/x' })).toEqual({ dir: '/opt/d26/bin' });
    expect(engineChoice(undefined, { STEPLAB_DOCKER_ENGINE: '/x' })).toEqual({ dir: '/x' });
    expect(engineChoice(undefined, {})).toEqual({ dir: undefined });
    expect(engineChoice(undefined, { STEPLAB_DOCKER_ENGINE: '' })).toEqual({ dir: undefined });
  });
});
