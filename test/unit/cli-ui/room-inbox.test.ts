// The controller with a workshop room: the instructor's words before each menu, a reset honoured at a challenge
// or after a failed step, hints shown reported.

import { describe, expect, it, vi } from 'vitest';
import { ClackController } from '../../../src/cli/ui/controller.ts';
import type { RoomInbox } from '../../../src/cli/ui/room-inbox.ts';
import type { StepTools } from '../../../src/run/events.ts';
import { lesson, step, stepOutcome } from '../report/fixtures.ts';
import { DOWN, ENTER, fakeTerminal } from './drive.ts';

const tools: StepTools = { openShell: async () => {}, snapshot: async () => ({ namespaces: [] }) };
const s = step(0, 'Bridge it', { challenge: true, hints: [{ markdown: 'Use a bridge.', line: 4 }] });
const next = step(1, 'Next');
const l = lesson([s, next]);

/** An inbox holding these notices and, maybe, a reset request. */
function inbox(notices: { title: string; text: string }[], reset = false) {
  const hints: string[] = [];
  const box: RoomInbox = {
    takeNotices: () => notices.splice(0),
    takeReset: () => [reset, (reset = false)][0] as boolean,
    hintShown: (st) => void hints.push(st.title),
  };
  return { box, hints };
}

describe('ClackController with a room', () => {
  it('shows the instructor`s message before the menu, once', async () => {
    const term = fakeTerminal([ENTER]);
    const { box } = inbox([{ title: 'From your instructor', text: 'Break at 15:00' }]);
    const ui = new ClackController({ input: term.input, output: term.output, color: false, unicode: true, room: box });
    expect(await ui.beforeStep(next, l, tools)).toBe('run');
    expect(term.text()).toMatch(/From your instructor[\s\S]*Break at 15:00[\s\S]*Step 2\/2: Next/);
    expect(term.text().match(/Break at 15:00/g)).toHaveLength(1);
  });

  it('answers reset at a challenge and after a failed step when the instructor asked, without asking the learner', async () => {
    const term = fakeTerminal([]);
    const ui = new ClackController({ input: term.input, output: term.output, color: false, unicode: true, room: inbox([], true).box });
    expect(await ui.challenge(s, l, tools, { count: 0, lastChecks: [] })).toBe('reset');
    expect(term.text()).toContain('Your instructor asked to reset your lab');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
    const again = new ClackController({ input: term.input, output: term.output, color: false, unicode: true, room: inbox([], true).box });
    expect(await again.afterFailure(stepOutcome(s, { status: 'failed' }), l, tools)).toBe('reset');
  });

  it('tells the room when a hint is shown', async () => {
    // Menu: shell, check, hint, reveal, solution, skip, quit: a hint, then quit.
    const term = fakeTerminal([DOWN + DOWN + ENTER, DOWN + DOWN + DOWN + DOWN + ENTER]);
    const { box, hints } = inbox([]);
    const ui = new ClackController({ input: term.input, output: term.output, color: false, unicode: true, room: box });
    expect(await ui.challenge(s, l, tools, { count: 0, lastChecks: [] })).toBe('quit');
    expect(hints).toEqual(['Bridge it']);
  });
});
