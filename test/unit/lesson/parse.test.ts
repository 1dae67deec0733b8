import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lesson/parse.ts';
import type { Lesson, Problem, Step } from '../../../src/lesson/types.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/lessons/${name}`, import.meta.url), 'utf8');
const HEAD = '---\nformat: 1\nid: demo\ntitle: Demo\n---\n';

/** Parses text that must give a lesson without problems. */
function lesson(text: string): Lesson {
  const result = parseLesson(text, 'demo.md');
  expect(result.problems).toEqual([]);
  if (result.lesson === undefined) throw new Error('no lesson');
  return result.lesson;
}

/** The problems of a text, as `line:col severity message`. */
function problems(text: string): string[] {
  return parseLesson(text, 'demo.md').problems.map((p: Problem) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

/** The step at an index, which must exist. */
function step(l: Lesson, index: number): Step {
  const found = l.steps[index];
  if (found === undefined) throw new Error(`no step ${index}`);
  return found;
}

describe('parseLesson on the full valid fixture', () => {
  const l = lesson(fixture('valid-full.md'));

  it('reads the front matter', () => {
    expect(l).toMatchObject({
      file: 'demo.md', format: 1, id: 'veth-pairs', title: 'Connect two namespaces with a veth pair',
      summary: 'Two namespaces, one cable.', requires: ['ip', 'ping'], world: 'none', timeoutMs: 10_000,
    });
  });

  it('keeps the introduction without the H1 and without hidden blocks', () => {
    expect(l.introduction).toBe('Containers are namespaces. This lesson wires two of them together.');
  });

  it('gives the lesson its setup and cleanup from the introduction, with their lines and attributes', () => {
    expect(l.setup).toEqual([{ kind: 'setup', code: 'ip netns add scratch', line: 15, timeoutMs: undefined, background: false, exit: 0 }]);
    expect(l.cleanup).toEqual([{ kind: 'cleanup', code: 'ip netns del scratch', line: 19, timeoutMs: 2000, background: false, exit: 0 }]);
  });

  it('starts a step at each level-2 heading, with index, slug and line', () => {
    expect(l.steps.map((s) => [s.index, s.id, s.title, s.line])).toEqual([
      [0, 'create-two-namespaces', 'Create two namespaces', 23],
      [1, 'wire-them', 'Wire them', 39],
      [2, 'bring-them-up', 'Bring them up', 62],
      [3, 'start-a-server', 'Start a server', 92],
    ]);
  });

  it('reads check lines with their own line numbers, skipping blanks and comments', () => {
    expect(step(l, 0).checks).toEqual([
      { source: 'netns red exists', line: 34, assertion: { kind: 'netns', name: 'red', expect: 'exists' } },
      { source: 'netns blue exists', line: 36, assertion: { kind: 'netns', name: 'blue', expect: 'exists' } },
    ]);
  });

  it('keeps prose, commands and illustrations in the order written', () => {
    const body = step(l, 1).body;
    expect(body.map((part) => [part.kind, 'block' in part ? part.block.line : part.line])).toEqual([
      ['illustration', 41], ['prose', 46], ['commands', 48], ['commands', 53],
    ]);
    expect(body[0]).toEqual({ kind: 'illustration', lang: 'console', code: '$ ip link\n1: lo: <LOOPBACK> mtu 65536', line: 41 });
    expect(body[1]).toEqual({ kind: 'prose', markdown: 'Some text between.', line: 46 });
  });

  it('reads sh attributes: timeout, exit, background (comma separated too)', () => {
    expect(step(l, 1).commands.map((c) => [c.timeoutMs, c.exit, c.background])).toEqual([[5000, 0, false], [undefined, 1, false]]);
    expect(step(l, 3).commands).toEqual([{ kind: 'sh', code: 'sleep 1000', line: 94, timeoutMs: 60_000, background: true, exit: 0 }]);
  });

  it('makes a step with a solution and no sh a challenge, with hints, solution, setup and cleanup', () => {
    const challenge = step(l, 2);
    expect(challenge.challenge).toBe(true);
    expect(challenge.commands).toEqual([]);
    expect(challenge.hints).toEqual([
      { markdown: 'Use `ip link set … up` inside each namespace.', line: 66 },
      { markdown: '`ip -n red link set veth-red up`', line: 70 },
    ]);
    expect(challenge.solution).toEqual([{ kind: 'solution', code: 'ip -n red link set veth-red up\nip link set veth-blue up', line: 74, timeoutMs: 3000, background: false, exit: 0 }]);
    expect(challenge.checks.map((c) => c.line)).toEqual([80, 81]);
    expect(challenge.setup.map((b) => [b.code, b.line])).toEqual([['echo before', 84]]);
    expect(challenge.cleanup.map((b) => [b.code, b.line])).toEqual([['echo after', 88]]);
    expect(challenge.body).toEqual([{ kind: 'prose', markdown: 'A challenge: bring both ends up.', line: 64 }]);
    expect(step(l, 0).challenge).toBe(false);
  });

  it('accepts a step with nothing to run and no checks', () => {
    expect(step(lesson(`${HEAD}## Just words\n\nProse only.\n`), 0)).toMatchObject({ body: [{ kind: 'prose', markdown: 'Prose only.', line: 8 }], commands: [], checks: [] });
  });
});

describe('parseLesson defaults and details', () => {
  it('fills defaults: summary, requires, world, timeout', () => {
    expect(lesson(`${HEAD}## S\n`)).toMatchObject({ summary: '', requires: [], world: 'internet', timeoutMs: 30_000, introduction: '', setup: [], cleanup: [] });
  });

  it('takes the title from the H1 when the front matter has none', () => {
    expect(lesson('---\nformat: 1\nid: demo\n---\n# From the heading\n\n## S\n').title).toBe('From the heading');
  });

  it('prefers the front-matter title over the H1', () => {
    expect(lesson(`${HEAD}# Other\n\n## S\n`).title).toBe('Demo');
  });

  it('keeps illustrations of the introduction in its Markdown', () => {
    expect(lesson(`${HEAD}# T\n\nSee:\n\n\`\`\`text\nhello\n\`\`\`\n\n## S\n`).introduction).toBe('See:\n\n```text\nhello\n```');
  });

  it('treats blocks of any other word, and unlabelled or indented blocks, as illustrations', () => {
    const s = step(lesson(`${HEAD}## S\n\n\`\`\`\nplain\n\`\`\`\n\n    indented\n\n~~~bash\nls\n~~~\n`), 0);
    expect(s.body).toEqual([
      { kind: 'illustration', lang: '', code: 'plain', line: 8 },
      { kind: 'illustration', lang: '', code: 'indented', line: 12 },
      { kind: 'illustration', lang: 'bash', code: 'ls', line: 14 },
    ]);
    expect(s.commands).toEqual([]);
  });

  it('reads tilde fences, longer fences and attributes written without a space', () => {
    const s = step(lesson(`${HEAD}## S\n~~~~sh{exit=2}\necho \`\`\`\n~~~~\n`), 0);
    expect(s.commands).toEqual([{ kind: 'sh', code: 'echo ```', line: 7, timeoutMs: undefined, background: false, exit: 2 }]);
  });

  it('keeps line numbers right with CRLF line ends and a byte-order mark', () => {
    const text = `\uFEFF${HEAD}\n## S\n\n\`\`\`check\nnetns a exists\n\`\`\`\n`.replace(/\n/g, '\r\n');
    const s = step(lesson(text), 0);
    expect([s.line, s.checks[0]?.line]).toEqual([7, 10]);
  });

  it('slugs step titles with inline Markdown and punctuation', () => {
    expect(step(lesson(`${HEAD}## Bring \`lo\` *up*, then ping 127.0.0.1!\n`), 0).id).toBe('bring-lo-up-then-ping-127-0-0-1');
  });

  it('lets H3 headings and lists be prose inside a step', () => {
    expect(step(lesson(`${HEAD}## S\n\n### Detail\n\n- one\n- two\n`), 0).body).toEqual([{ kind: 'prose', markdown: '### Detail\n\n- one\n- two', line: 8 }]);
  });
});

describe('parseLesson problems', () => {
  it('reports an unclosed fence at the opening line', () => {
    expect(problems(fixture('unclosed-fence.md'))).toEqual(['9:1 error unclosed ``` fence opened here; close it with ```']);
    expect(problems(`${HEAD}## S\n\n~~~~check\nnetns a exists\n~~~\n`)).toEqual(['8:1 error unclosed ~~~~ fence opened here; close it with ~~~~']);
  });

  it('reports an unknown attribute at its column', () => {
    expect(problems(fixture('unknown-attribute.md'))).toEqual([
      '9:8 error unknown attribute "tiemout" on a sh block (did you mean "timeout"?); sh takes timeout, background, exit and ready',
    ]);
  });

  it('reports a bad check line at its line and column', () => {
    expect(problems(fixture('bad-assertion.md'))).toEqual([
      '15:13 error expected "absent", "up", "down" or "a TYPE" after "link br0 is", found "sideways"',
    ]);
  });

  it('counts the column of an indented check line from the start of the line', () => {
    expect(problems(`${HEAD}## S\n\`\`\`check\n   netns red\n\`\`\``)).toEqual(['8:13 error expected "exists" or "is absent" after "netns red"']);
  });

  it('reports a missing title', () => {
    expect(problems(fixture('missing-title.md'))).toEqual([
      '1:1 error missing title: add "title: …" to the front matter or a level-1 heading (# Title) to the text',
    ]);
  });

  it('reports a challenge without checks at its heading', () => {
    expect(problems(fixture('challenge-without-checks.md'))).toEqual([
      '7:1 error step "Do it yourself" is a challenge (a solution and no sh block) but no checks; add a check block that proves the learner did it',
    ]);
  });

  it('reports run blocks in the introduction, but lets setup stay there', () => {
    const text = `${HEAD}\`\`\`sh\nx\n\`\`\`\n\`\`\`check\nnetns a exists\n\`\`\`\n\`\`\`hint\nh\n\`\`\`\n\`\`\`solution\ns\n\`\`\`\n\`\`\`setup\nok\n\`\`\`\n## S\n`;
    expect(problems(text)).toEqual(['sh', 'check', 'hint', 'solution'].map((word, i) =>
      `${6 + i * 3}:4 error a ${word} block belongs in a step, not in the introduction; move it below a level-2 heading (## Title)`));
    expect(problems(fixture('misplaced-blocks.md'))).toEqual(['9:4 error a sh block belongs in a step, not in the introduction; move it below a level-2 heading (## Title)']);
  });

  it('reports two steps with the same slug at the second', () => {
    expect(problems(`${HEAD}## Make it\n\n## Make it!\n`)).toEqual(['8:1 error step "Make it!" has the same id "make-it" as the step at line 6; give one of them a different title']);
  });

  it('reports a heading without a title', () => {
    expect(problems(`${HEAD}## ***\n`)).toEqual(['6:1 error this step heading has no title; write one after "## "']);
  });

  it('makes step ids from headings in any script, and takes an explicit {#id}', () => {
    const l = lesson(`---\nformat: 1\nid: demo\ntitle: 演示\nlang: zh-CN\n---\n## 创建命名空间\n\n## 用 veth 连接 {#connect-with-veth}\n`);
    expect(l.lang).toBe('zh-CN');
    expect(l.steps.map((s) => [s.id, s.title])).toEqual([['创建命名空间', '创建命名空间'], ['connect-with-veth', '用 veth 连接']]);
    expect(lesson(`${HEAD}## Plain\n`).lang).toBe('en');
  });

  it('reports an explicit id that is not kebab-case, or not closed, at its column', () => {
    expect(problems(`${HEAD}## 创建 {#Create_NS}\n`)).toEqual(['6:7 error the step id "{#Create_NS}" is not kebab-case (lowercase words joined by "-"); write e.g. {#create-ns}']);
    expect(problems(`${HEAD}## 创建 {#create\n`)).toEqual(['6:7 error a step id is written at the very end of the heading and closed with "}", e.g. "## 创建命名空间 {#create-namespaces}"']);
    expect(problems(`${HEAD}## {#only-an-id}\n`)).toEqual(['6:1 error this step heading has no title; write one after "## "']);
    expect(problems(`${HEAD}## 一 {#same}\n\n## 二 {#same}\n`)).toEqual(['8:1 error step "二" has the same id "same" as the step at line 6; give one of them a different {#id}']);
  });

  it('reports a lesson without steps', () => {
    expect(problems(`${HEAD}# T\n\nOnly words.\n`)).toEqual(['6:1 error this lesson has no steps; start each step with a level-2 heading (## Title)']);
  });

  it('reports exit= on a background block, and bad attribute values', () => {
    expect(problems(`${HEAD}## S\n\`\`\`sh {background exit=1}\nx\n\`\`\`\n\`\`\`sh {timeout=soon}\nx\n\`\`\`\n`)).toEqual([
      '7:19 error a {background} block keeps running, so it has no exit status; drop exit=1 or background',
      '10:8 error timeout: "soon" is not a duration; write a number and a unit, e.g. 500ms, 5s or 2m',
    ]);
  });

  it('warns about a solution that is never run, an empty check block, a lookalike word and nested blocks', () => {
    const text = `${HEAD}## S\n\`\`\`sh\nx\n\`\`\`\n\`\`\`solution\ny\n\`\`\`\n\`\`\`check\n# nothing\n\`\`\`\n\`\`\`chek\nnetns a exists\n\`\`\`\n- list\n\n  \`\`\`sh\n  z\n  \`\`\`\n`;
    expect(problems(text)).toEqual([
      '10:1 warning this solution is never run: step "S" has sh blocks, so it is not a challenge; drop the solution or turn the sh blocks into it',
      '13:1 warning this check block holds no assertions; add one a line, e.g. "netns red exists"',
      '16:4 warning a "chek" block is shown as an illustration and never run; did you mean "check"?',
      '21:1 warning this sh block sits inside a list or quote, so steplab shows it but never runs it; move it out to the top level',
    ]);
    expect(parseLesson(text, 'demo.md').lesson).toBeDefined();
  });

  it('warns about a second H1', () => {
    expect(problems(`${HEAD}# One\n\n## S\n\n# Two\n`)).toEqual(['10:1 warning a second level-1 heading; a lesson has one title, and each step starts with a level-2 heading (## Title)']);
  });

  it('gives no lesson when there is an error, and reports front-matter errors with body errors', () => {
    const result = parseLesson('---\nformat: 1\nid: Demo\ntitle: D\n---\n## S\n```sh {x}\n```\n', 'demo.md');
    expect(result.lesson).toBeUndefined();
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['demo.md:3:5', 'demo.md:7:8']);
  });

  it('reports missing front matter once, at line 1', () => {
    expect(problems('# T\n\n## S\n')).toEqual(['1:1 error missing front matter: start the file with a line "---", then "format: 1", "id: …" and "title: …", then "---"']);
  });
});
