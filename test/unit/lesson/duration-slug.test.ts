import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/lesson/duration.ts';
import { isKebabCase, slugify, splitHeadingId } from '../../../src/lesson/slug.ts';
import { closest, didYouMean, editDistance } from '../../../src/util/did-you-mean.ts';

describe('parseDuration', () => {
  it.each([['500ms', 500], ['5s', 5000], ['1.5s', 1500], ['2m', 120_000], ['1h', 3_600_000]])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ms });
  });

  it.each(['5', '5 s', 's', '-1s', '5sec', ''])('refuses %j', (text) => {
    expect(parseDuration(text)).toEqual({ error: `"${text}" is not a duration; write a number and a unit, e.g. 500ms, 5s or 2m` });
  });

  it('refuses zero', () => {
    expect(parseDuration('0ms')).toEqual({ error: '"0ms" is no time at all; give a duration above zero, e.g. 5s' });
  });

  it('formats durations back', () => {
    expect([formatDuration(30_000), formatDuration(120_000), formatDuration(1500)]).toEqual(['30s', '2m', '1500ms']);
  });
});

describe('slugify and isKebabCase', () => {
  it('makes kebab-case slugs', () => {
    expect(slugify('Create two namespaces')).toBe('create-two-namespaces');
    expect(slugify('  Why `-o docker0` matters?  ')).toBe('why-o-docker0-matters');
    expect(slugify('Café über')).toBe('cafe-uber');
    expect(slugify('***')).toBe('');
  });

  it('keeps letters and digits of any script', () => {
    expect(slugify('创建命名空间')).toBe('创建命名空间');
    expect(slugify('用 veth 连接两个命名空间！')).toBe('用-veth-连接两个命名空间');
    expect(slugify('第 2 步：网桥 (br0)')).toBe('第-2-步-网桥-br0');
    expect(slugify('Привет Мир')).toBe('привет-мир');
    expect(slugify('한국어 제목')).toBe('한국어-제목');
  });

  it('tells kebab-case apart in any script', () => {
    expect(['创建命名空间', '用-veth-连接', 'привет-мир'].map(isKebabCase)).toEqual([true, true, true]);
    expect(['Привет', '创建 命名空间', '-创建', '创建--空间'].map(isKebabCase)).toEqual([false, false, false, false]);
  });

  it('splits an explicit id off a heading', () => {
    expect(splitHeadingId('创建命名空间 {#create-namespaces}')).toEqual({ title: '创建命名空间', id: 'create-namespaces', at: 7 });
    expect(splitHeadingId('Plain title')).toEqual({ title: 'Plain title', id: undefined, at: -1 });
    expect(splitHeadingId('空的 {#}')).toEqual({ title: '空的', id: '', at: 3 });
  });

  it('tells kebab-case apart', () => {
    expect(['veth-pairs', 'a', 'lesson-01'].map(isKebabCase)).toEqual([true, true, true]);
    expect(['Veth', 'veth_pairs', '-a', 'a--b', 'a-', ''].map(isKebabCase)).toEqual([false, false, false, false, false, false]);
  });
});

describe('did you mean', () => {
  it('measures edits, counting a swap as one', () => {
    expect([editDistance('ip', 'ip'), editDistance('tiemout', 'timeout'), editDistance('kitten', 'sitting')]).toEqual([0, 1, 3]);
  });

  it('suggests only close words', () => {
    expect(closest('iptabels', ['ip', 'iptables', 'nft'])).toBe('iptables');
    expect(closest('zzz', ['ip', 'iptables'])).toBeUndefined();
    expect(didYouMean('titel', ['title'])).toBe(' (did you mean "title"?)');
    expect(didYouMean('author', ['title'])).toBe('');
  });
});
