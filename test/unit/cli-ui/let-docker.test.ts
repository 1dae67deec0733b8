import { describe, expect, it, vi } from 'vitest';
import { ClackController } from '../../../src/cli/ui/controller.ts';
import type { CommandBlock } from '../../../src/lesson/types.ts';
import type { StepTools } from '../../../src/run/events.ts';
import { lesson, step, stepOutcome } from '../report/fixtures.ts';
import { DOWN, ENTER, fakeTerminal } from './drive.ts';

const plain = { color: false, unicode: true } as const;
const dockerBlock: CommandBlock = { kind: 'docker', code: 'docker run -d --name c1 lab sleep infinity', line: 30, timeoutMs: undefined, background: false, exit: 0 };
const withDocker = step(0, 'A container', { docker: [dockerBlock] });
const l = lesson([withDocker]);

/** Tools with a letDocker that answers with a fixed difference. */
function tools(): StepTools & { letDocker: ReturnType<typeof vi.fn> } {
  return { openShell: vi.fn(async () => {}), snapshot: vi.fn(async () => ({ namespaces: [] })), letDocker: vi.fn(async () => '+ netns c1 (only Docker\'s)') };
}

describe('ClackController: Let Docker do it', () => {
  it('offers it after a step with a docker block, shows the difference, and comes back to the menu', async () => {
    // Continue, shell, Let Docker do it, quit: pick the third, then quit from the menu that comes back on it.
    const term = fakeTerminal([DOWN + DOWN + ENTER, DOWN + ENTER]);
    const t = tools();
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.afterStep(stepOutcome(withDocker), l, t)).toBe('quit');
    expect(t.letDocker).toHaveBeenCalledWith(withDocker);
    expect(term.text()).toContain('Let Docker do it');
    expect(term.text()).toContain("+ netns c1 (only Docker's)");
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });

  it('does not offer it after a step without a docker block, nor without an engine hook', async () => {
    const term = fakeTerminal([DOWN + DOWN + ENTER]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.afterStep(stepOutcome(step(0, 'By hand')), l, tools())).toBe('quit');
    expect(term.text()).not.toContain('Let Docker do it');
    const bare = fakeTerminal([DOWN + DOWN + ENTER]);
    const ui2 = new ClackController({ input: bare.input, output: bare.output, ...plain });
    expect(await ui2.afterStep(stepOutcome(withDocker), l, { openShell: async () => {}, snapshot: async () => ({ namespaces: [] }) })).toBe('quit');
    expect(bare.text()).not.toContain('Let Docker do it');
  });
});
