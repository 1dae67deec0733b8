import { localTarget } from '../src/target/local.ts';
import { startSandbox } from '../src/sandbox/sandbox.ts';
const sb = await startSandbox(localTarget(), { world: 'internet' as any });
await sb.run('ip netns add c1', { timeoutMs: 5000 });
const loop = (cmd: string) => `i=0; while [ $i -lt 50 ]; do ${cmd}; i=$((i+1)); done`;
const cases: Record<string,string> = {
  bashTrue: loop('/bin/true'),
  dashTrue: `dash -c '${loop('/bin/true')}'`,
  bashTrueFresh: `bash --norc -c '${loop('/bin/true')}'`,
  bashIp: loop('ip -j -d link show >/dev/null'),
  dashIp: `dash -c '${loop('ip -j -d link show >/dev/null')}'`,
  bashIpC1: loop('ip -n c1 -j -d link show >/dev/null'),
  dashIpC1: `dash -c '${loop('ip -n c1 -j -d link show >/dev/null')}'`,
  bashNsPing: loop('nsenter --net=/run/netns/c1 ping -c1 -q 127.0.0.1 >/dev/null'),
  dashNsPing: `dash -c '${loop('nsenter --net=/run/netns/c1 ping -c1 -q 127.0.0.1 >/dev/null')}'`,
};
for (const [name, code] of Object.entries(cases)) {
  for (let k = 0; k < 2; k++) { const t = performance.now(); const r = await sb.probe(code, 60000); const ms = (performance.now() - t) / 50; if (k===1) console.log(name.padEnd(14), ms.toFixed(2), 'ms each', r.exitCode); }
}
await sb.dispose();
