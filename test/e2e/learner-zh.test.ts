// The real CLI in a pseudo-terminal under LANG=zh_CN.UTF-8: the picker, a step, what changed, the topology, the
// explanations, a challenge's menu, the checks and the summary in Chinese, on a lesson written in Chinese (headings, id and all) that lints and verifies.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandExists, runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';
import { screenShows, tmux } from '../support/terminal.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const COURSE = join(import.meta.dirname, '../fixtures/zh');
const skip = (await sandboxUnavailable()) ?? ((await commandExists('tmux')) ? undefined : 'tmux is not installed');
if (skip) console.warn(`skipping the Chinese learner end-to-end tests: ${skip}`);


/** Move a menu's cursor (clack's ● marks the active entry) to the entry with this label and press Enter. */
async function choose(session: string, label: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const screen = (await tmux('capture-pane', '-p', '-t', session)).stdout;
    if (screen.split('\n').some((line) => line.includes(`● ${label}`))) {
      await tmux('send-keys', '-t', session, 'Enter');
      return;
    }
    await tmux('send-keys', '-t', session, 'Down');
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the menu never offered ${label}`);
}

describe('a lesson written in Chinese by someone else', () => {
  it('lints without a problem, in Chinese under LANG=zh_CN.UTF-8', async () => {
    const r = await runCommand(process.execPath, [BIN, 'lint', COURSE], { timeoutMs: 60_000, env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(r.stdout).toBe('没有发现问题\n');
    expect(r.exitCode).toBe(0);
  });

  it.skipIf(skip)('verifies: every step and the challenge\'s solution pass', async () => {
    const r = await runCommand(process.execPath, [BIN, 'verify', COURSE], { timeoutMs: 120_000, env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(r.stdout).toContain('✔ 创建命名空间');
    expect(r.stdout).toContain('✔ 启用回环网卡');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(r.exitCode).toBe(0);
  }, 130_000);
});

// Under CI steplab refuses to prompt; these tests are about the terminal, so they run it without CI.
describe.skipIf(skip)('in a terminal, under LANG=zh_CN.UTF-8', () => {
  it('shows the picker, a step, the challenge menu, the checks and the summary in Chinese', async () => {
    const session = `steplab-e2e-zh-${process.pid}`;
    const state = await mkdtemp(join(tmpdir(), 'steplab-state-'));
    await tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', `env -u CI -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 STEPLAB_STATE_DIR=${state} ${process.execPath} ${BIN} ${COURSE}; echo EXIT=$?; sleep 30`);
    try {
      const picker = await screenShows(session, /选择一课/, 60_000);
      expect(picker).toContain('第一个网络命名空间');
      expect(picker).toContain('退出');
      await tmux('send-keys', '-t', session, 'Enter');

      const step = await screenShows(session, /第 1\/2 步：创建命名空间/, 30_000);
      expect(step).toContain('第 1/2 步 · 创建命名空间');
      expect(step).toContain('运行命令');
      expect(step).toContain('跳过这一步');
      await tmux('send-keys', '-t', session, 'Enter');

      const after = await screenShows(session, /接下来做什么？/, 60_000);
      expect(after).toContain('检查：');
      expect(after).toMatch(/✔ netns red exists/);
      expect(after).toMatch(/✔ 这一步完成（用时 [\d.]+ m?s）。/);
      expect(after).toContain('继续');
      // What changed in the kernel, in Chinese words around the kernel's names.
      expect(after).toContain('内核中发生了哪些变化：');
      expect(after).toMatch(/命名空间 red/);

      // The topology: the lab drawn with Chinese labels (lo is still down in red).
      await tmux('send-keys', '-t', session, 'C-l');
      await choose(session, '显示网络拓扑');
      const topology = await screenShows(session, /网络拓扑[\s\S]*接下来做什么？/, 30_000);
      const boxLine = (title: string): string | undefined => {
        const lines = topology.split('\n');
        const top = lines.findLastIndex((line) => line.includes(`┌─ ${title} ─`));
        return top < 0 ? undefined : lines[top + 1];
      };
      expect(boxLine('实验主机')).toContain('只有 lo（已启用）');
      expect(boxLine('red')).toContain('只有 lo（已停用）');

      // The explanation of the step's commands, in Chinese.
      await tmux('send-keys', '-t', session, 'C-l');
      await choose(session, '解释这些命令');
      const explained = await screenShows(session, /这些命令做了什么[\s\S]*接下来做什么？/, 30_000);
      const explanation = explained.slice(explained.lastIndexOf('这些命令做了什么'), explained.lastIndexOf('接下来做什么？'));
      expect(explanation).toContain('ip netns add red');
      // The words on the command are Chinese, not the English knowledge's.
      expect(explanation).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(explanation).not.toMatch(/\b(the|a|an) [a-z]+ [a-z]+/);

      await choose(session, '继续');

      const challenge = await screenShows(session, /轮到你了：启用回环网卡/, 30_000);
      expect(challenge).toMatch(/在实验环境中打开 shell[\s\S]*检查我的操作[\s\S]*显示提示[\s\S]*显示参考答案并运行[\s\S]*跳过这一步[\s\S]*退出/);
      // Down to "显示参考答案并运行" (shell, check, hint, reveal, solution).
      await tmux('send-keys', '-t', session, 'Down', 'Down', 'Down', 'Down', 'Enter');

      const solved = await screenShows(session, /参考答案：[\s\S]*接下来做什么？/, 60_000);
      expect(solved).toMatch(/✔ link lo in red is up/);
      // The last entry of the menu ends the lesson, which is done: its summary, then the picker again.
      await tmux('send-keys', '-t', session, 'Up', 'Enter');
      const summary = await screenShows(session, /跳过 ?0[\s\S]*选择一课/, 30_000);
      expect(summary.replace(/\s+/g, '')).toContain('在第2步后停止（共2步）。步骤：通过2，失败0，跳过0');
      // The list shows the progress (2 of 2 steps passed; quitting at the last menu leaves it unfinished);
      // clack's English key help is left out of Chinese menus.
      expect(summary).toMatch(/2\/2 +第一个网络命名空间/);
      expect(summary).not.toContain('to navigate');
      await tmux('send-keys', '-t', session, 'Up', 'Enter');

      const end = await screenShows(session, /EXIT=\d+/, 30_000);
      expect(end).toContain('EXIT=0');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  }, 240_000);
});
