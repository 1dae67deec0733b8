// The explainer in Simplified Chinese: every text of the knowledge translated, placeholders kept, and what a learner reads.

import { describe, expect, it } from 'vitest';
import { TOOLS } from '../../../src/explainer/knowledge/index.ts';
import { REDIRECTIONS, REDIRECT_TARGETS } from '../../../src/explainer/knowledge/shell.ts';
import { KNOWLEDGE_ZH, KNOWLEDGE_ZH_FILES } from '../../../src/explainer/knowledge/zh-CN/index.ts';
import { textsOf } from '../../../src/explainer/translate.ts';
import { COUNTED_NOUNS } from '../../../src/explainer/template.ts';
import { explainBlock, explainCommand, renderExplanation } from '../../../src/explainer/explain-command.ts';
import { findTool } from '../../../src/explainer/registry.ts';
import { translator } from '../../../src/i18n/index.ts';
import { unexplainedCommandsIn } from '../../../src/explainer/lint-rule.ts';
import type { Lesson } from '../../../src/lesson/types.ts';
import { displayWidth } from '../../../src/util/text-width.ts';

const zh = translator('zh-CN');

/** Every English text the knowledge shows: grammar texts, summaries, effects, contexts, glosses, redirections. */
const ENGLISH = new Set([...TOOLS.flatMap(textsOf), ...Object.values(REDIRECTIONS), ...Object.values(REDIRECT_TARGETS)]);

/** `{value}`, `{value:byte}`, `{1}`, `{target}`: the placeholders of a knowledge text, sorted. */
const placeholders = (text: string): string[] => [...text.matchAll(/\{[^{}]+\}/g)].map((m) => m[0]).sort();

describe('the Chinese command knowledge', () => {
  it('translates every text of every program, option, keyword, argument and value', () => {
    expect([...ENGLISH].filter((text) => !KNOWLEDGE_ZH.has(text))).toEqual([]);
  });

  it('has no translation of a text the knowledge no longer holds', () => {
    expect([...KNOWLEDGE_ZH.keys()].filter((text) => !ENGLISH.has(text))).toEqual([]);
  });

  it('translates each text once, in one file', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, table] of Object.entries(KNOWLEDGE_ZH_FILES)) {
      for (const text of Object.keys(table)) {
        if (seen.has(text)) twice.push(`${text} (${seen.get(text)}, ${file})`);
        seen.set(text, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('keeps the placeholders of every text', () => {
    const changed = [...KNOWLEDGE_ZH].filter(([en, text]) => placeholders(en).join() !== placeholders(text).join());
    expect(changed).toEqual([]);
  });

  it('is written in Chinese wherever the English has words', () => {
    // Names Chinese documentation writes as they are.
    const names = new Set(['ICMP (ping)', 'cgroup']);
    const untranslated = [...KNOWLEDGE_ZH].filter(([en, text]) => /[a-z]{3}/.test(en.replace(/\{[^{}]+\}/g, '')) && !names.has(en) && !/\p{Script=Han}/u.test(text));
    expect(untranslated).toEqual([]);
  });

  it('counts only nouns the catalogue can count in every language', () => {
    const nouns = new Set([...ENGLISH].flatMap((text) => [...text.matchAll(/\{[a-z0-9-]+:([a-z]+)\}/g)].map((m) => m[1] ?? '')));
    nouns.delete('duration');
    expect([...nouns].filter((noun) => !COUNTED_NOUNS.includes(noun))).toEqual([]);
  });

  it('leaves the English knowledge as it is', () => {
    expect(findTool('ip')).toBe(TOOLS[0]);
    expect(findTool('ip', 'zh-CN')?.meaning).toBe('iproute2 的网络配置工具');
    expect(findTool('ip', 'zh-CN')?.names).toEqual(['ip']);
  });
});

describe('explanations in Chinese', () => {
  const render = (code: string, width = 100): string => explainBlock(code, undefined, zh).map((e) => renderExplanation(e, width, zh)).join('\n');

  it('explains ip netns exec with a count and a duration', () => {
    expect(render('ip netns exec red ping -c 3 -W 1 10.0.0.2')).toBe([
      '$ ip netns exec red ping -c 3 -W 1 10.0.0.2',
      '  在命名空间 red 中：向 10.0.0.2 发送 3 个 ping 包',
      '    ip          iproute2 的网络配置工具',
      '    netns exec  在命名空间里运行一条命令',
      '    red         在哪个命名空间里运行：red',
      '    ping        发送 ICMP 回显请求并报告应答',
      '    -c 3        发送 3 个 ping 包后停止',
      '    -W 1        每个应答最多等 1 秒',
      '    10.0.0.2    目的地址 10.0.0.2',
    ].join('\n'));
  });

  it.each([40, 60, 120])('keeps every line within %i columns, a Chinese character counting two', (width) => {
    const code = [
      'iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      'docker network create --driver bridge --subnet 172.30.0.0/24 -o com.docker.network.bridge.name=br-lab lab',
      'sysctl -w net.ipv4.conf.all.route_localnet=1',
      'timeout 5 tcpdump -i docker1 -nn -e -c 4 arp or icmp || true',
    ].join('\n');
    for (const line of render(code, width).split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('puts a context before the summary and joins effects', () => {
    expect(explainCommand(['ip', '-n', 'red', 'link', 'set', 'veth-red', 'mtu', '1400', 'up'], zh).summary).toBe('在命名空间 red 中：把 veth-red 的 MTU 设为 1400，启用 veth-red');
  });

  it('glosses values and lists of values', () => {
    const [rule] = explainBlock('iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', undefined, zh);
    expect(rule?.summary).toBe('在 filter 表的 FORWARD 链末尾追加一条规则，目标动作为 ACCEPT');
    expect(rule?.parts.find((p) => p.words === '--ctstate RELATED,ESTABLISHED')?.meaning)
      .toBe('匹配连接状态为 RELATED,ESTABLISHED 的数据包 —— RELATED：属于某个已知连接的数据包，例如关于它的 ICMP 错误；ESTABLISHED：双向都已有流量的连接中的数据包');
    expect(rule?.parts.find((p) => p.words === '-j ACCEPT')?.meaning).toBe('把匹配的数据包交给 ACCEPT —— 放行数据包');
  });

  it('explains docker run with a published port on a user-defined network', () => {
    const [run] = explainBlock('docker run -d --name web -p 8080:80 --network lab nginx', undefined, zh);
    expect(run?.summary).toBe('用镜像 nginx 在网络 lab 上启动容器 web');
    expect(run?.parts.find((p) => p.words === '-p 8080:80')?.meaning).toBe('把容器端口 80 映射到主机所有地址的 8080 端口（nat 表 DOCKER 链里的一条 DNAT 规则）');
  });

  it('glosses a capture filter phrase by phrase', () => {
    const [dump] = explainBlock('tcpdump -i docker1 -c 4 arp or icmp', undefined, zh);
    expect(dump?.parts.at(-1)?.meaning).toBe('只显示匹配过滤条件 "arp or icmp" 的数据包 —— ARP 或 ICMP（ping）');
    expect(dump?.parts.find((p) => p.words === '-c 4')?.meaning).toBe('抓到 4 个数据包后停止');
  });

  it('drops a full-width parenthesis about a value that is not given', () => {
    expect(explainCommand(['iptables', '-F'], zh).parts[1]?.meaning).toBe('清空所有规则');
    expect(explainCommand(['iptables', '-F'], zh).summary).toBe('清空 filter 表的所有规则');
  });

  it('says in Chinese what it does not know, operators, redirections and assignments', () => {
    expect(render('foo bar && echo ok > /tmp/x')).toBe([
      '$ foo bar',
      '  运行 foo（steplab 不认识这个程序）',
      '    foo   steplab 不认识程序 "foo"',
      '    bar   foo 的参数，未作讲解',
      '  没看懂： foo',
      '  && 只有这条命令成功，才运行下一条',
      '$ echo ok > /tmp/x',
      '  打印 ok，结果写入 /tmp/x',
      '    echo      打印它的参数',
      '    ok        文本：ok',
      '    > /tmp/x  把输出写到 /tmp/x（覆盖原有内容）',
    ].join('\n'));
    expect(explainCommand(['pid=$(cat /run/x.pid)'], zh).parts[0]?.meaning).toBe('把 shell 变量 pid 设为括号里那条命令的输出；后面的命令用 $pid 读取它');
    expect(explainCommand(['timeout', '5m', 'sleep', 'infinity'], zh).summary).toBe('等待无限久，5 分钟后停止');
  });
});

describe('the lint rule in Chinese', () => {
  it('says which words it cannot explain and what to do, in Chinese', () => {
    const lesson: Lesson = {
      file: 'lessons/x.md', format: 1, id: 'x', title: 'X', summary: '', requires: [], world: 'internet', timeoutMs: 30000, introduction: '',
      setup: [{ kind: 'setup', code: 'frobctl up', line: 5, timeoutMs: undefined, background: false, exit: 0 }], cleanup: [], docker: [], steps: [],
    };
    expect(unexplainedCommandsIn(zh)(lesson).map((p) => p.message)).toEqual([
      'steplab 无法讲解 `frobctl up`（setup 代码块）里的 "frobctl"，学员看不到对它的讲解；请在本课引言的正文里说明它的作用，并用反引号写出它（`frobctl`），lint 就会把它算作已讲解（或者检查一下拼写）',
    ]);
  });
});
