import { describe, expect, it } from 'vitest';
import { unexplainedCommands } from '../../../src/explainer/lint-rule.ts';
import { parseLesson } from '../../../src/lesson/parse.ts';

const HEAD = '---\nformat: 1\nid: demo\ntitle: Demo\n---\n';

const TEXT = `${HEAD}
Intro.

\`\`\`docker
docker network create -o com.docker.network.bridge.name=br0 net1
\`\`\`

## Make c1

\`\`\`sh
ip netns add c1
\`\`\`

\`\`\`docker {timeout=20s}
docker run -d --name c1 lab sleep infinity
\`\`\`

\`\`\`check
netns c1 exists
\`\`\`
`;

describe('docker blocks', () => {
  const { lesson, problems } = parseLesson(TEXT, 'demo.md');

  it('files a docker block in the introduction as the lesson\'s, and one in a step as the step\'s', () => {
    expect(problems).toEqual([]);
    expect(lesson?.docker.map((b) => [b.kind, b.line, b.code])).toEqual([['docker', 9, 'docker network create -o com.docker.network.bridge.name=br0 net1']]);
    const step = lesson?.steps[0];
    expect(step?.docker.map((b) => [b.line, b.timeoutMs, b.code])).toEqual([[19, 20_000, 'docker run -d --name c1 lab sleep infinity']]);
    // The hand-built commands stay the step's commands: a docker block is never run by `run` or plain `verify`.
    expect(step?.commands.map((b) => b.code)).toEqual(['ip netns add c1']);
    expect(lesson?.setup).toEqual([]);
  });

  it('shows a docker block in the step\'s body, in the order written', () => {
    expect(lesson?.steps[0]?.body.map((p) => p.kind)).toEqual(['commands', 'docker']);
  });

  it('rejects attributes a docker block does not take, at their column', () => {
    const bad = parseLesson(TEXT.replace('```docker {timeout=20s}', '```docker {background}'), 'demo.md');
    expect(bad.lesson).toBeUndefined();
    expect(bad.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')).toMatch(/^19:12 .*background/);
  });

  it('lints the commands of docker blocks like any other block', () => {
    const typo = parseLesson(TEXT.replace('docker run -d', 'docker rnu -d'), 'demo.md').lesson;
    if (typo === undefined) throw new Error('no lesson');
    const found = unexplainedCommands(typo);
    expect(found.map((p) => p.line)).toEqual([20]);
    expect(found[0]?.message).toContain('docker block');
  });
});
