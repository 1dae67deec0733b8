import { localTarget } from '../src/target/local.ts';
import { startSandbox } from '../src/sandbox/sandbox.ts';
import { snapshotScript } from '../src/kernel/collect.ts';
const sb = await startSandbox(localTarget(), { world: 'internet' as any });
const setup = `ip netns add c1; ip link add veth0 type veth peer name eth0 netns c1; ip addr add 172.17.0.1/16 dev veth0; ip link set veth0 up; ip -n c1 addr add 172.17.0.2/16 dev eth0; ip -n c1 link set eth0 up; ip -n c1 link set lo up; (python3 -m http.server 80 --bind 172.17.0.1 >/dev/null 2>&1 &) ; sleep 1.5`;
console.log((await sb.run(setup, { timeoutMs: 10000 })).output);
const cases: Record<string,string> = {
  noop: ':',
  'true': '/bin/true',
  snapHost: snapshotScript(['ip'], ['host:']),
  snapC1: snapshotScript(['ip'], ['netns:c1']),
  snapHostIpt: snapshotScript(['ip','iptables'], ['host:']),
  ipLinkHost: 'ip -j -d link show >/dev/null',
  ipBatchHost: "printf 'addr show\\nroute show table all\\nnetns list\\n' > /tmp/b; ip -j -d -force -b /tmp/b >/dev/null",
  ipAddrC1: 'ip -n c1 -j -d addr show >/dev/null',
  nsenterIpC1: 'nsenter --net=/run/netns/c1 ip -j -d addr show >/dev/null',
  ping: '{ [ -e /run/netns/c1 ] || false; } && nsenter --net=/run/netns/c1 ping -c 1 -i 0.2 -w 2 172.17.0.1',
  pingHost: 'ping -c 1 -i 0.2 -w 2 172.17.0.2',
  tcp: "nsenter --net=/run/netns/c1 timeout 2 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' 172.17.0.1 80",
  curl: 'nsenter --net=/run/netns/c1 curl -sS -m 3 http://172.17.0.1/ >/dev/null',
};
const n = Number(process.argv[2] ?? 30);
for (const [name, code] of Object.entries(cases)) {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); const r = await sb.probe(code); ts.push(performance.now() - t); if (i===0 && r.exitCode!==0) console.log(name, 'exit', r.exitCode, r.output.slice(0,200)); }
  ts.sort((a, b) => a - b);
  console.log(name.padEnd(14), 'median', ts[Math.floor(n/2)]!.toFixed(1), 'min', ts[0]!.toFixed(1));
}
await sb.dispose();
