import { describe, expect, it } from 'vitest';
import { comparedSummary } from '../../../src/cli/commands/verify-docker.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { engineChoice } from '../../../src/oracle/engine.ts';
import { oracleLesson } from '../../../src/oracle/lesson.ts';

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

  it('runs the introduction\'s docker blocks in place of its setup', () => {
    expect(oracle.lesson.setup.map((b) => [b.kind, b.code])).toEqual([['docker', 'docker run -d --name c1 lab sleep infinity']]);
    expect(oracle.lesson.cleanup).toEqual([]);
  });

  it('keeps only steps with a docker block, running just those blocks, and names the rest as not compared', () => {
    expect(oracle.lesson.steps.map((s) => s.title)).toEqual(['Both ways']);
    expect(oracle.notCompared.map((s) => s.title)).toEqual(['By hand only']);
    const step = oracle.lesson.steps[0];
    expect(step?.commands.map((b) => b.kind)).toEqual(['docker']);
    expect([step?.setup, step?.cleanup, step?.solution]).toEqual([[], [], []]);
    // The step keeps its index, so reports still say which step of the lesson it is.
    expect(step?.index).toBe(1);
  });

  it('keeps the checks about the kernel and leaves out those about what the hand-built commands printed', () => {
    expect(oracle.lesson.steps[0]?.checks.map((c) => c.source)).toEqual(['link lo in c2 is up']);
  });

  it('sums up compared and not compared steps per lesson and in all', () => {
    expect(comparedSummary([oracle, oracle])).toBe(
      'Steps checked against Docker:\n  demo: 1 compared, 1 not compared (not compared: 1)\n  demo: 1 compared, 1 not compared (not compared: 1)\n2 compared, 2 not compared\n',
    );
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
