// The solution swap that the alternative-solution fixtures rely on: the right block replaced, later steps cut.

import { describe, expect, it } from 'vitest';
import { parseSolutionFixture, swapSolution } from '../../support/solution-swap.ts';

const lesson = `---
format: 1
id: swap
title: Swap
summary: A lesson with two challenges.
requires: [ip]
---
# Swap

## First

\`\`\`solution
ip netns add a
\`\`\`

\`\`\`check
netns a exists
\`\`\`

## Second

\`\`\`solution
ip netns add b
\`\`\`

\`\`\`check
netns b exists
\`\`\`
`;

describe('swapSolution', () => {
  it('replaces only the named challenge\'s solution and cuts the steps after it', () => {
    const out = swapSolution(lesson, 'swap.md', 'First', 'ip netns add a\nip netns exec a ip link set lo up');
    expect(out).toContain('```solution\nip netns add a\nip netns exec a ip link set lo up\n```\n\n```check\nnetns a exists');
    expect(out).not.toContain('## Second');
  });

  it('keeps earlier steps when the last challenge is swapped', () => {
    const out = swapSolution(lesson, 'swap.md', 'Second', 'ip netns add b # other');
    expect(out).toContain('ip netns add a\n```');
    expect(out).toContain('```solution\nip netns add b # other\n```');
  });

  it('names the challenges when the step is not found', () => {
    expect(() => swapSolution(lesson, 'swap.md', 'Third', 'x')).toThrow('swap.md has no step "Third" (its challenges: First, Second)');
  });
});

describe('parseSolutionFixture', () => {
  const fixture = (front: string): string => `---\n${front}\n---\nWhy.\n\n\`\`\`solution\nip netns add a\n\`\`\`\n`;

  it('reads lesson, step, expectation and solution', () => {
    const f = parseSolutionFixture(fixture('lesson: 01-x.md\nstep: "Challenge: one"\nexpect: fail\nmessage: "netns a is absent"'), 'f.md');
    expect(f).toEqual({ file: 'f.md', lesson: '01-x.md', step: 'Challenge: one', expect: 'fail', message: 'netns a is absent', solution: 'ip netns add a' });
  });

  it('says what is missing', () => {
    expect(() => parseSolutionFixture(fixture('lesson: 01-x.md\nexpect: pass'), 'f.md')).toThrow('f.md:2: the front matter has no "step:"; add it');
    expect(() => parseSolutionFixture(fixture('lesson: 01-x.md\nstep: s\nexpect: fail'), 'f.md')).toThrow('names the message');
    expect(() => parseSolutionFixture(fixture('lesson: 01-x.md\nstep: s\nexpect: maybe'), 'f.md')).toThrow('write pass or fail');
  });
});
