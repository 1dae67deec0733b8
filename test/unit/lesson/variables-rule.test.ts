import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lesson/parse.ts';
import { checkVariablesAreSet } from '../../../src/lesson/variables-rule.ts';

const lessonText = `---
format: 1
id: vars
title: Vars
world: none
---

## Start a process

\`\`\`sh {background}
bgpid=$$
\`\`\`

\`\`\`sh
unshare --net sleep 600 &
pid=$!
\`\`\`

\`\`\`check
netns $pid exists
link eth0 in $pid is up
sh "ip netns exec $pid true && echo $HOME $bgpid" succeeds
sh "test -n \\"$later\\"" succeeds
netns \${typo} exists
\`\`\`

## Later

\`\`\`sh
later=1
\`\`\`
`;

describe('lint: $NAME in a check', () => {
  it('warns about a variable no block sets, one set only in a background block, and one set only later', () => {
    const { lesson, problems } = parseLesson(lessonText, 'vars.md');
    expect(problems).toEqual([]);
    const found = checkVariablesAreSet(lesson!, { text: lessonText });
    expect(found.map((p) => [p.line, p.column, p.message.split(' ').slice(0, 7).join(' ')])).toEqual([
      [22, 43, '$bgpid is set only in a {background}'],
      [23, 15, '$later is set only in a later'],
      [24, 7, '$typo is set by no block of'],
    ]);
    expect(found[2]?.message).toContain("checks see the lesson shell's variables, so set it in a sh block (e.g. typo=$!), or check the spelling");
    expect(found.every((p) => p.severity === 'warning')).toBe(true);
  });
});
