// Chinese takes two columns a character: prose, tables, boxes and lists fit the terminal by display width.

import { describe, expect, it } from 'vitest';
import { progressLines } from '../../../src/cli/commands/progress.ts';
import { translator } from '../../../src/i18n/index.ts';
import { renderMarkdown } from '../../../src/report/render-markdown.ts';
import { TerminalReporter } from '../../../src/report/terminal.ts';
import { drawBox, layRows, UNICODE } from '../../../src/topology/boxes.ts';
import { displayWidth } from '../../../src/util/text-width.ts';
import { block, lesson, lessonOutcome, sink, step, stepOutcome } from './fixtures.ts';

const PROSE = [
  '虚拟网卡对 veth 就像一根有两端的网线：从一端进去的数据包会从另一端出来。把两端分别放进两个网络命名空间，',
  '它们之间就有了一条链路；再给两端配上同一网段的地址（例如 `10.0.0.1/24` 和 `10.0.0.2/24`），就可以互相 **ping** 通了。',
].join('\n');
const TABLE = ['| 模式 | 网络命名空间 | 说明 |', '| --- | --- | --- |', '| bridge | 独立 | 默认模式：容器接在 docker0 网桥上，出站流量经过源地址转换 SNAT/MASQUERADE |', '| host | 与主机共享 | 容器直接使用主机的网卡和端口，没有端口映射 |'].join('\n');

/** The widest line of a text, in columns. */
const widest = (text: string): number => Math.max(...text.split('\n').map(displayWidth));

describe.each([60, 120])('at %i columns', (width) => {
  it('wraps Chinese prose within the width, losing nothing', () => {
    const text = renderMarkdown(PROSE, { color: false, width });
    expect(widest(text)).toBeLessThanOrEqual(width);
    expect(text.replace(/\s/g, '')).toContain('就可以互相ping通了。');
    if (width === 60) expect(text.split('\n').length).toBeGreaterThan(2);
  });

  it('keeps coloured Chinese prose within the width too', () => {
    expect(widest(renderMarkdown(PROSE, { color: true, width }))).toBeLessThanOrEqual(width);
  });

  it('fits a table with Chinese cells', () => {
    const text = renderMarkdown(TABLE, { color: false, width });
    expect(widest(text)).toBeLessThanOrEqual(width);
    expect(text).toContain('端口映射');
  });

  it('draws topology boxes with Chinese words whose borders line up', () => {
    const boxes = [
      drawBox('red 网络命名空间', [{ text: 'veth-red 10.0.0.1/24 ⇄ veth-blue（在 blue 中）' }, { text: '没有端口映射' }], width, UNICODE),
      drawBox('主机', [{ text: 'docker0 网桥 172.17.0.1/16' }], width, UNICODE),
    ];
    for (const box of boxes) expect(new Set(box.map(displayWidth)).size).toBe(1);
    expect(widest(layRows(boxes, width).join('\n'))).toBeLessThanOrEqual(width);
  });

  it('prints a step of a Chinese lesson in Chinese within the width', () => {
    const out = sink();
    const r = new TerminalReporter({ stream: out, color: false, unicode: true, width, translator: translator('zh-CN') });
    const s = step(0, '用 veth 连接两个命名空间', { body: [{ kind: 'prose', markdown: PROSE, line: 12 }, { kind: 'commands', block: block('ip link add veth-red type veth peer name veth-blue', 15) }] });
    const l = lesson([s], { title: '虚拟网卡对' });
    r.onLessonStart(l, { target: 'sandbox', resumeFrom: 0 });
    r.onStepStart(s, l);
    r.onStepEnd(stepOutcome(s, { status: 'passed', durationMs: 1200 }), l);
    r.onLessonEnd(lessonOutcome(l, [stepOutcome(s, { status: 'passed', durationMs: 1200 })], { durationMs: 1500 }));
    const text = out.text();
    expect(text).toContain('第 1/1 步 · 用 veth 连接两个命名空间');
    expect(text).toContain('✔ 这一步完成（用时 1.2 s）。');
    expect(text.replace(/\s+/g, '')).toContain('✔虚拟网卡对：完成。步骤：通过1，失败0，跳过0，用时1.5s。');
    expect(widest(text)).toBeLessThanOrEqual(width);
  });
});

describe('progress lines', () => {
  it('pad Chinese titles by columns, so the states line up', () => {
    const lessons = [lesson([], { title: '网络命名空间', file: 'lessons/01-a.md', id: 'a' }), lesson([], { title: 'Veth pairs', file: 'lessons/02-b.md', id: 'b' })];
    const progress = { get: () => undefined, standing: () => ({ kind: 'new' as const }), resumeIndex: () => 0 };
    const lines = progressLines(lessons, progress, new Date());
    const at = lines.map((line) => displayWidth(line.slice(0, line.indexOf('not started'))));
    expect(at[0]).toBe(at[1]);
  });
});
