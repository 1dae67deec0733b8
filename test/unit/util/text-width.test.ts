import { describe, expect, it } from 'vitest';
import { displayWidth, padEndTo, wrapText } from '../../../src/util/text-width.ts';

const PROSE = '虚拟网卡对 veth 就像一根有两端的网线：从一端进去的数据包会从另一端出来。把两端分别放进两个网络命名空间，它们之间就有了一条链路；再给两端配上同一网段的地址（例如 10.0.0.1/24 和 10.0.0.2/24），就可以互相 ping 通了。';

describe('displayWidth and padEndTo', () => {
  it('counts a Chinese character as two columns and an escape sequence as none', () => {
    expect(displayWidth('网桥')).toBe(4);
    expect(displayWidth('br0 网桥')).toBe(8);
    expect(displayWidth('\x1b[1m网桥\x1b[22m')).toBe(4);
  });

  it('pads to columns', () => {
    expect(padEndTo('网桥', 6)).toBe('网桥  ');
    expect(padEndTo('br0', 6)).toBe('br0   ');
    expect(displayWidth(padEndTo('网络命名空间', 20))).toBe(20);
  });
});

describe('wrapText', () => {
  for (const width of [60, 120, 20]) {
    it(`keeps every line of Chinese prose within ${width} columns and loses no character`, () => {
      const lines = wrapText(PROSE, width);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(PROSE.replace(/ /g, ''));
      if (width < displayWidth(PROSE)) expect(lines.length).toBeGreaterThan(1);
      // Lines are filled: all but the last come within a word's width of the limit.
      for (const line of lines.slice(0, -1)) expect(displayWidth(line)).toBeGreaterThanOrEqual(width - 12);
    });
  }

  it('never starts a line with closing punctuation (where the word before it and it fit on a line)', () => {
    for (let width = 16; width <= 60; width++) {
      for (const line of wrapText(PROSE, width).slice(1)) expect(line).not.toMatch(/^[，。；：）]/);
    }
  });

  it('wraps English at spaces, as before', () => {
    expect(wrapText('one two three four five six', 10)).toEqual(['one two', 'three four', 'five six']);
    expect(wrapText('abcdefghijklmnop', 5)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });

  it('joins soft line breaks: nothing between Chinese characters, a space otherwise', () => {
    expect(wrapText('第一行\n第二行', 40)).toEqual(['第一行第二行']);
    expect(wrapText('first\nsecond', 40)).toEqual(['first second']);
  });

  it('indents continuation lines and counts the indent', () => {
    const lines = wrapText(PROSE, 40, '    ');
    expect(lines[1]?.startsWith('    ')).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });
});
