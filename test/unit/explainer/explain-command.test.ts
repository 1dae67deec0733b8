// Real commands from Docker-networking lessons, explained word by word with the user's own values.

import { describe, expect, it } from 'vitest';
import { explainBlock, explainCommand, renderExplanation } from '../../../src/explainer/explain-command.ts';
import type { ExplainedCommand } from '../../../src/explainer/explain-command.ts';
import { unexplainedCommands } from '../../../src/explainer/lint-rule.ts';
import type { CommandBlock, Lesson, Step } from '../../../src/lesson/types.ts';

/** The one command a line of shell holds. */
function one(code: string): ExplainedCommand {
  const commands = explainBlock(code);
  expect(commands).toHaveLength(1);
  return commands[0] as ExplainedCommand;
}

/** All the text a learner sees for a command: summary and every gloss. */
const allText = (c: ExplainedCommand): string => [c.summary, ...c.parts.map((p) => `${p.words} ${p.meaning}`)].join('\n');

// [command, words that must appear in the summary, words that must appear somewhere in the explanation]
const COURSE: readonly [string, readonly string[], readonly string[]][] = [
  // namespaces and veth
  ['ip netns add red', ['red'], ['network namespace']],
  ['ip link add veth-red type veth peer name veth-blue', ['veth-red', 'veth-blue'], ['virtual Ethernet pair', 'other end']],
  ['ip link set veth-red netns red', ['veth-red', 'red'], ['moves it into network namespace red']],
  ['ip -n red link set veth-red up', ['in namespace red', 'brings veth-red up'], []],
  ['ip netns exec red ip addr add 10.0.0.1/24 dev veth-red', ['inside namespace red', '10.0.0.1/24', 'veth-red'], ['adds an IP address']],
  ['ip netns exec red ping -c 1 -W 1 10.0.0.2', ['red', '1 ping', '10.0.0.2'], ['stops after 1 ping', 'waits at most 1 second for']],
  ['ip -n red route add default via 10.0.0.254', ['default', '10.0.0.254', 'namespace red'], ['next-hop router 10.0.0.254']],
  ['ip netns del red', ['red'], []],
  // docker0 by hand
  ['ip link add name docker1 type bridge', ['bridge', 'docker1'], ['software switch']],
  ['ip addr add 172.17.0.1/16 dev docker1', ['docker1', '172.17.0.1/16'], []],
  ['ip link set dev docker1 up', ['brings docker1 up'], []],
  ['ip link add veth0 type veth peer name eth0 netns red', ['veth0', 'eth0'], ['namespace red']],
  ['ip link set veth0 master docker1', ['attaches veth0 to bridge docker1'], []],
  ['ip link set veth0 nomaster', ['detaches veth0'], []],
  ['bridge fdb show br docker1', ['docker1'], ['MAC address']],
  ['bridge link set dev veth0 isolated on', ['veth0'], ['isolation']],
  ['brctl addif br0 veth0', ['veth0', 'br0'], []],
  ['sysctl -w net.ipv4.ip_forward=1', ['net.ipv4.ip_forward', '1'], ['routes packets between its interfaces']],
  ['echo 1 > /proc/sys/net/ipv4/ip_forward', ['/proc/sys/net/ipv4/ip_forward'], ['net.ipv4.ip_forward']],
  // MASQUERADE and port publishing
  ['iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker1 -j MASQUERADE', ['POSTROUTING', 'nat', 'MASQUERADE'], ['172.17.0.0/16', 'negates', 'docker1', 'outgoing interface']],
  ['iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER', ['PREROUTING', 'DOCKER'], ['address of this host', 'published ports']],
  ['iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER', ['OUTPUT'], ['sent by processes on this host', '127.0.0.0/8']],
  ['iptables -t nat -A DOCKER ! -i docker1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', ['DOCKER', 'DNAT', '172.17.0.2:80'], ['destination port 8080', 'came in on interface docker1']],
  ['sysctl -w net.ipv4.conf.docker1.route_localnet=1', ['route_localnet', '1'], ['127.0.0.0/8 may be routed on docker1']],
  ['iptables -A FORWARD -o docker1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', ['FORWARD', 'filter', 'ACCEPT'], ['RELATED: ', 'ESTABLISHED: ']],
  ['iptables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 203.0.113.2', ['SNAT', '203.0.113.2'], []],
  ['iptables -t nat -L -n -v --line-numbers', ['nat'], ['numbers the rules']],
  ['iptables -nvL FORWARD', ['FORWARD'], ['-n: ', '-v: ', '-L: ']],
  ['iptables-save -t nat', ['nat'], []],
  // user-defined bridges, isolation, DOCKER-USER, icc
  ['iptables -I FORWARD 1 -j DOCKER-USER', ['position 1', 'FORWARD', 'DOCKER-USER'], ['leaves to you']],
  ['iptables -A DOCKER-ISOLATION-STAGE-1 -i docker1 ! -o docker1 -j DOCKER-ISOLATION-STAGE-2', ['DOCKER-ISOLATION-STAGE-1'], ['second isolation stage']],
  ['iptables -A DOCKER-ISOLATION-STAGE-2 -o docker1 -j DROP', ['DROP'], ['silently discards']],
  ['iptables -I DOCKER-USER -s 172.18.0.0/16 -j REJECT --reject-with icmp-port-unreachable', ['DOCKER-USER', 'REJECT'], ['172.18.0.0/16']],
  ['iptables -P FORWARD DROP', ['FORWARD', 'DROP'], ['policy DROP']],
  ['dockerd --icc=false', [], ['may talk to each other: false — off']],
  // docker network modes
  ['docker run --rm --network none alpine ip a', ['alpine', 'none'], ['only a loopback interface', 'lists them']],
  ['docker run --rm --net=host alpine ip -br link', ['host'], ['host\'s interfaces']],
  ['docker run -d --name app --network container:web alpine sleep 1d', ['app', 'container:web'], ['network namespace of container web']],
  ['docker run -d --name web -p 8080:80 nginx', ['web', 'nginx'], ['container port 80 as port 8080']],
  ['docker run -d -p 127.0.0.1:8081:80 nginx', ['nginx'], ['on host address 127.0.0.1 only']],
  ['docker run -d -p 80 nginx', [], ['container port 80 on a random free host port']],
  ['docker run -d -P nginx', [], ['random host ports']],
  ['docker network create --driver bridge --subnet 172.18.0.0/16 --gateway 172.18.0.1 mynet', ['mynet', '172.18.0.0/16'], ['gateway', '172.18.0.1']],
  ['docker network create -o com.docker.network.bridge.name=br-lab -o com.docker.network.bridge.enable_icc=false lab', ['lab'], ['names the Linux bridge br-lab', 'may not talk to each other']],
  ['docker network connect --ip 172.18.0.20 mynet web', ['web', 'mynet'], ['172.18.0.20']],
  ['docker network disconnect bridge web', ['web', 'bridge'], []],
  ['docker network create -d macvlan --subnet 203.0.113.0/24 -o parent=eth0 macnet', ['macvlan', 'macnet'], ['hangs off: eth0']],
  ['ip link add mv0 link eth0 type macvlan mode bridge', ['mv0', 'macvlan', 'eth0'], ['talk to each other directly']],
  ['ip link set eth0 master br0', ['eth0', 'br0'], []],
  ['docker inspect -f "{{.State.Pid}}" web', ['web'], ['main process']],
  // looking around
  ['nsenter -t 4242 -n ip route', ['4242'], ['network namespace of the target process']],
  ['timeout 5 tcpdump -i docker1 -nn -e -c 4 arp or icmp', ['docker1', '5'], ['ARP or ICMP', 'MAC addresses']],
  ['curl -sS -m 5 --interface eth0 http://172.17.0.2/', ['http://172.17.0.2/'], ['5 seconds', 'eth0']],
  ['nc -zv -w 2 172.17.0.2 80', ['172.17.0.2', '80'], []],
  ['python3 -m http.server 8000', ['8000', 'http.server'], ['web server']],
  ['ss -tlnp', [], ['listening']],
  ['conntrack -L -p tcp --dport 80', ['tracked connections'], ['80']],
  ['ethtool -S veth0', ['veth0'], []],
  ['socat TCP-LISTEN:8080,fork TCP:172.17.0.2:80', ['TCP-LISTEN:8080,fork'], ['listens on TCP port 8080', 'TCP connection to 172.17.0.2:80']],
];

describe('commands of the course', () => {
  it.each(COURSE)('%s', (code, inSummary, inText) => {
    const c = one(code);
    expect(c.unknown).toEqual([]);
    expect(c.parts.map((p) => p.words).join(' ')).toBe(c.text.replace(/\s*[<>]+\s*/g, (m) => ` ${m.trim()} `).replace(/["']/g, ''));
    for (const word of inSummary) expect(c.summary).toContain(word);
    for (const word of inText) expect(allText(c)).toContain(word);
    expect(allText(c)).not.toMatch(/\{[a-z]+(:[a-z]+)?\}/);
  });
});

describe('counts and times read as English', () => {
  it.each([
    ['ping -c 1 -W 1 10.0.0.2', 'sends 1 ping to 10.0.0.2', ['stops after 1 ping', 'waits at most 1 second for each reply']],
    ['ping -c 3 -i 0.2 10.0.0.2', 'sends 3 pings to 10.0.0.2', ['stops after 3 pings', 'waits 0.2 seconds between pings']],
    ['sleep 1', 'waits 1 second', ['for 1 second']],
    ['sleep 0.5', 'waits 0.5 seconds', []],
    ['sleep 2m', 'waits 2 minutes', []],
    ['sleep infinity', 'waits forever', []],
    ['timeout 6 ping 10.0.0.2', 'pings 10.0.0.2 until stopped, stopped after 6 seconds', ['the time limit: 6 seconds']],
    ['timeout 1 sleep 5', 'waits 5 seconds, stopped after 1 second', []],
    ['grep -m 2 eth0 /tmp/x', '', ['stops after 2 matches']],
  ] as const)('%s', (code, summary, inText) => {
    const c = one(code);
    if (summary) expect(c.summary).toBe(summary);
    for (const text of inText) expect(allText(c)).toContain(text);
    expect(allText(c)).not.toMatch(/\b1 (pings|seconds)|ping\(s\)|\bwaits \d+$/m);
  });
});

describe('abbreviations', () => {
  it('reads ip l a, ip a and ip r the way iproute2 does', () => {
    expect(one('ip l a x type veth peer name y').summary).toBe(one('ip link add x type veth peer name y').summary);
    expect(one('ip a').summary).toBe('lists every interface with its addresses');
    expect(one('ip r').summary).toBe('shows the routing table');
    expect(one('ip l s dev x up').summary).toBe('brings x up');
    expect(one('ip n').summary).toContain('neighbour');
    expect(one('ip address show dev eth0').summary).toContain('eth0');
  });
});

describe('shell splitting', () => {
  it('drops comments and joins continued lines', () => {
    const commands = explainBlock('# make the pair\nip link add a \\\n  type veth peer name b  # trailing\n');
    expect(commands).toHaveLength(1);
    expect(commands[0]?.line).toBe(1);
    expect(commands[0]?.summary).toBe('creates a veth pair: a ⇄ b');
  });

  it('splits at ; && || and pipes and keeps the operator', () => {
    const commands = explainBlock('ip netns add red; ip netns list | grep red && echo ok || echo missing');
    expect(commands.map((c) => c.operator)).toEqual([';', '|', '&&', '||', undefined]);
    expect(commands.map((c) => c.parts[0]?.words)).toEqual(['ip', 'ip', 'grep', 'echo', 'echo']);
  });

  it('explains a $(…) substitution before the command that uses it', () => {
    const commands = explainBlock('PID=$(docker inspect -f \'{{.State.Pid}}\' web)\nnsenter -t "$PID" -n ip -br addr');
    expect(commands.map((c) => c.parts[0]?.words)).toEqual(['docker', 'PID=$(docker inspect -f \'{{.State.Pid}}\' web)', 'nsenter']);
    expect(commands[1]?.parts[0]?.meaning).toContain('sets the shell variable PID');
    expect(commands[2]?.summary).toContain('process $PID');
    expect(commands.flatMap((c) => c.unknown)).toEqual([]);
  });

  it('removes quotes and keeps quoted spaces in one word', () => {
    const c = one(`iptables -A INPUT -m comment --comment "lab rule" -j 'ACCEPT'`);
    expect(c.parts.find((p) => p.words.startsWith('--comment'))?.meaning).toContain('"lab rule"');
    expect(c.summary).toContain('ACCEPT');
  });

  it('reads an unterminated quote to the end of the text', () => {
    expect(one('echo "no end here').summary).toBe('prints no end here');
  });

  it('explains an env assignment in front of a command', () => {
    const c = one('LC_ALL=C ip -br link');
    expect(c.parts[0]).toEqual({ words: 'LC_ALL=C', meaning: 'sets LC_ALL to "C" for this command only' });
    expect(c.unknown).toEqual([]);
  });

  it('skips the body of a here-document', () => {
    const commands = explainBlock("cat <<'EOF' > /tmp/rules\n-A FORWARD -j frobnicate\nEOF\necho done");
    expect(commands.map((c) => c.parts[0]?.words)).toEqual(['cat', 'echo']);
    expect(commands[0]?.parts.map((p) => p.words)).toEqual(['cat', '<<EOF', '> /tmp/rules']);
    expect(commands[1]?.line).toBe(3);
  });

  it('explains sudo and then the command under it', () => {
    const c = one('sudo ip netns exec red ip link set lo up');
    expect(c.summary).toBe('as root: inside namespace red: brings lo up');
    expect(c.parts.map((p) => p.words)).toEqual(['sudo', 'ip', 'netns exec', 'red', 'ip', 'link set', 'lo', 'up']);
  });

  it('explains the script of sh -c as commands of their own', () => {
    const c = one(`docker exec web sh -c 'ip route; ping -c 1 frobnicate.example'`);
    expect(c.inner.map((i) => i.parts[0]?.words)).toEqual(['ip', 'ping']);
    expect(c.unknown).toEqual([]);
  });

  it('lets a container run a program steplab does not know', () => {
    expect(one('docker run -d --name web nginx nginx -g "daemon off;"').unknown).toEqual([]);
  });
});

describe('explainCommand', () => {
  it('explains words already split', () => {
    const c = explainCommand(['ip', 'link', 'set', 'veth-red', 'netns', 'red']);
    expect(c.text).toBe('ip link set veth-red netns red');
    expect(c.summary).toBe('moves veth-red into namespace red');
  });
});

describe('unknown words', () => {
  it('names a word no grammar knows', () => {
    const c = one('ip link frobnicate');
    expect(c.unknown).toEqual(['frobnicate']);
    expect(c.parts.at(-1)?.meaning).toMatch(/does not know/);
  });

  it('names an unknown program', () => {
    const c = one('frobctl --now eth0');
    expect(c.unknown).toEqual(['frobctl']);
    expect(c.summary).toContain('steplab does not know');
  });

  it('names a value outside a closed list', () => {
    expect(one('iptables -t natt -L').unknown).toEqual(['natt']);
    expect(one('iptables -A FORWARD -m conntrack --ctstate NEW,BOGUS -j ACCEPT').unknown).toEqual(['BOGUS']);
    expect(one('tcpdump -i eth0 icmpp').unknown).toEqual(['icmpp']);
    expect(one('docker run -p 80:http nginx').unknown).toEqual(['80:http']);
  });

  it('counts what a wrapped command does not know', () => {
    expect(one('ip netns exec red frobctl').unknown).toEqual(['frobctl']);
    expect(one('sh -c "ip link frob"').unknown).toEqual(['frob']);
  });
});

describe('renderExplanation', () => {
  it.each([32, 50, 80])('keeps every line within %i columns', (width) => {
    for (const c of explainBlock(COURSE.map(([code]) => code).join('\n'))) {
      const text = renderExplanation(c, width);
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('shows the command, its summary and a gloss per word group', () => {
    const text = renderExplanation(one('ip link set veth0 master br0'), 80);
    expect(text.split('\n')).toEqual([
      '$ ip link set veth0 master br0',
      '  attaches veth0 to bridge br0',
      '    ip          iproute2\'s network configuration tool',
      '    link set    changes an interface\'s settings',
      '    veth0       the interface veth0',
      '    master br0  attaches it as a port of bridge br0',
    ]);
  });
});

/** A command block for a hand-made lesson. */
const block = (kind: CommandBlock['kind'], code: string, line: number): CommandBlock => ({ kind, code, line, timeoutMs: undefined, background: false, exit: 0 });

describe('unexplainedCommands', () => {
  it('warns at the line and column of each command with unknown words, in every kind of block', () => {
    const step: Step = {
      index: 0, id: 's', title: 'S', line: 10, body: [], checks: [], hints: [], challenge: false,
      commands: [block('sh', 'ip netns add red\n  ip link frob', 12)],
      solution: [block('solution', 'frobctl up', 20)],
      setup: [], cleanup: [block('cleanup', 'ip netns del red', 30)],
    };
    const lesson: Lesson = {
      file: 'lessons/x.md', format: 1, id: 'x', title: 'X', summary: '', requires: [], world: 'internet', timeoutMs: 30000,
      introduction: '', setup: [block('setup', 'echo ok', 5)], cleanup: [], steps: [step],
    };
    const problems = unexplainedCommands(lesson);
    expect(problems.map((p) => [p.line, p.column, p.severity])).toEqual([[14, 3, 'warning'], [21, 1, 'warning']]);
    expect(problems[0]?.message).toContain('"frob"');
    expect(problems[0]?.message).not.toContain('src/');
    expect(problems[0]?.message).toContain("say what it does in the step's prose, naming it in backticks (`frob`)");
    expect(problems[1]?.message).toContain('"frobctl"');
  });

  it('counts a word the step`s prose or the introduction names in backticks as explained', () => {
    const step: Step = {
      index: 0, id: 's', title: 'S', line: 10, checks: [], hints: [], challenge: false,
      body: [{ kind: 'prose', markdown: '`frobctl up` starts the frobnicator; ``frob`` is its verb.', line: 11 }],
      commands: [block('sh', 'frobctl up\nip link frob x\nwhizctl go', 12)],
      solution: [], setup: [], cleanup: [],
    };
    const lesson: Lesson = {
      file: 'lessons/x.md', format: 1, id: 'x', title: 'X', summary: '', requires: [], world: 'internet', timeoutMs: 30000,
      introduction: 'We use `x` as a name.', setup: [block('setup', 'frobctl init', 5)], cleanup: [], steps: [step],
    };
    const problems = unexplainedCommands(lesson);
    // frobctl is explained in the step, not in the introduction, so the lesson's own setup still warns.
    expect(problems.map((p) => [p.line, p.message.match(/explain ([^)]*?) in/)?.[1]])).toEqual([[6, '"frobctl"'], [15, '"whizctl"']]);
    expect(problems[0]?.message).toContain("in the introduction's prose");
  });
});

describe('shell functions a lesson defines', () => {
  it('explains a function defined and called in one block, and still flags an unknown program', () => {
    const explained = explainBlock('mkns() { ip netns add "$1"; }\nmkns red\nfrobctl up');
    const calls = explained.filter((c) => c.text.startsWith('mkns'));
    expect(calls.map((c) => c.unknown)).toEqual([[], []]);
    expect(calls[1]?.summary).toBe('runs (or defines) the shell function mkns');
    expect(explained.find((c) => c.text === 'frobctl up')?.unknown).toEqual(['frobctl']);
  });

  it('lets a later block call a function an earlier block defined, but not an undefined one', () => {
    const step: Step = {
      index: 0, id: 's', title: 'S', line: 10, body: [], checks: [], hints: [], challenge: false,
      commands: [block('sh', 'function attach { ip link set "$1" master docker0; }', 12), block('sh', 'attach veth-c1\ndetach veth-c1', 16)],
      solution: [], setup: [], cleanup: [],
    };
    const lesson: Lesson = {
      file: 'lessons/x.md', format: 1, id: 'x', title: 'X', summary: '', requires: [], world: 'internet', timeoutMs: 30000,
      introduction: '', setup: [], cleanup: [], steps: [step],
    };
    expect(unexplainedCommands(lesson).map((p) => [p.line, p.message.includes('"detach"')])).toEqual([[18, true]]);
  });
});
