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
    const bad = parseLesson(TEXT.replace('```docker {timeout=20s}', '```docker {ready="x"}'), 'demo.md');
    expect(bad.lesson).toBeUndefined();
    expect(bad.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')).toMatch(/^19:12 ready= waits for a \{background\} block/);
    const unknown = parseLesson(TEXT.replace('```docker {timeout=20s}', '```docker {deamon="--icc=false"}'), 'demo.md');
    expect(unknown.problems[0]?.message).toMatch(/unknown attribute "deamon" on a docker block \(did you mean "daemon"\?\)/);
  });

  it('runs a docker block in the background until it shows its ready text, like an sh block', () => {
    const started = parseLesson(TEXT.replace('```docker {timeout=20s}', '```docker {background ready="listening on"}'), 'demo.md').lesson;
    expect(started?.steps[0]?.docker.map((b) => [b.background, b.ready])).toEqual([[true, 'listening on']]);
  });

  it('reads daemon="…" as the dockerd options, and says what is wrong with a bad one', () => {
    const options = parseLesson(TEXT.replace('```docker {timeout=20s}', '```docker {daemon="--icc=false --ip-masq=false"}'), 'demo.md').lesson;
    expect(options?.steps[0]?.docker[0]?.daemon).toEqual(['--icc=false', '--ip-masq=false']);
    const message = (attrs: string): string => parseLesson(TEXT.replace('```docker {timeout=20s}', `\`\`\`docker {${attrs}}`), 'demo.md').problems.map((p) => `${p.column} ${p.message}`).join('\n');
    expect(message('daemon="icc=false"')).toBe('12 daemon takes dockerd options written --name=value, e.g. daemon="--icc=false"; "icc=false" is not one');
    expect(message('daemon=')).toBe('12 daemon needs the dockerd options the engine runs with, e.g. daemon="--icc=false"');
    expect(message('daemon="--icc=false')).toBe('12 the quote after daemon= is never closed; write e.g. daemon="--icc=false"');
  });

  it('lints the commands of docker blocks like any other block', () => {
    const typo = parseLesson(TEXT.replace('docker run -d', 'docker rnu -d'), 'demo.md').lesson;
    if (typo === undefined) throw new Error('no lesson');
    const found = unexplainedCommands(typo);
    expect(found.map((p) => p.line)).toEqual([20]);
    expect(found[0]?.message).toContain('docker block');
  });
});
