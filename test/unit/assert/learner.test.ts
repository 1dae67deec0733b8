import { describe, expect, it } from 'vitest';
import { learnerMessage, ruleParts } from '../../../src/assert/learner.ts';
import type { Assertion } from '../../../src/assert/types.ts';

const rule = '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE';
const has: Assertion = { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule, present: true };
const fail = (message: string) => ({ passed: false, message });

describe('learnerMessage', () => {
  it('says which rule is missing in words, never the spec the solution types', () => {
    const m = learnerMessage(has, fail(`nat POSTROUTING has no rule "${rule}" (rules there: none)`));
    expect(m).toBe("no MASQUERADE rule for traffic from 172.17.0.0/16 in the nat table's POSTROUTING chain yet");
    expect(m).not.toContain('docker0');
  });

  it('names what differs in a near miss, not the value wanted', () => {
    const m = learnerMessage(has, { ...fail(`nat POSTROUTING has no rule "${rule}" (rules there: -s 172.17.0.0/16 -j MASQUERADE)`), chain: { rules: ['-s 172.17.0.0/16 -j MASQUERADE'] } });
    expect(m).toBe("the nat table's POSTROUTING chain has a MASQUERADE rule, but not the one this step asks for: look at its outgoing interface");
    expect(m).not.toContain('docker0');
  });

  it('says which of table and chain does not exist yet', () => {
    const docker: Assertion = { kind: 'iptables-rule', table: 'nat', chain: 'DOCKER', rule: '-j RETURN', present: true };
    const m = learnerMessage(docker, { ...fail('nat DOCKER has no rule "-j RETURN" (chain DOCKER does not exist in nat; chains there: PREROUTING)'), chain: { missing: 'chain', name: 'DOCKER' } });
    expect(m).toBe('no RETURN rule yet: chain DOCKER does not exist');
  });

  it('tells a rule that should be gone, and a route without its gateway', () => {
    const lacks: Assertion = { ...has, present: false };
    expect(learnerMessage(lacks, fail('x'))).toBe("the nat table's POSTROUTING chain still has a MASQUERADE rule for traffic from 172.17.0.0/16 that this step wants gone");
    const route: Assertion = { kind: 'route', dest: 'default', via: '172.17.0.1', dev: undefined, ns: 'c1' };
    const m = learnerMessage(route, fail('route default via 172.17.0.1 in c1 is missing (routes there: none)'));
    expect(m).toBe('c1 has no default route going the way this step asks');
    expect(m).not.toContain('172.17.0.1');
  });

  it('hides the command of an sh check, and keeps messages whose words are the task', () => {
    const sh: Assertion = { kind: 'sh', command: 'iptables -C FORWARD -i br0 -j ACCEPT', ns: undefined, expect: 'succeeds' };
    expect(learnerMessage(sh, fail('sh "iptables -C FORWARD -i br0 -j ACCEPT" exited 1'))).toBe('a test this step runs does not pass yet');
    const netns: Assertion = { kind: 'netns', name: 'green', expect: 'exists' };
    expect(learnerMessage(netns, fail('netns green does not exist (namespaces: blue)'))).toBe('netns green does not exist (namespaces: blue)');
  });

  it('splits a rule spec into its target and options, keeping negations', () => {
    const parts = ruleParts('! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
    expect(parts.target).toBe('DNAT');
    expect(Object.fromEntries(parts.fields)).toEqual({ '-i': '! docker0', '-p': 'tcp', '-m': 'tcp', '--dport': '8080', '--to-destination': '172.17.0.2:80' });
  });
});
