// Load the snapshot fixtures recorded from a real kernel (rebuild them with test/fixtures/kernel/build.sh).

import { readFileSync } from 'node:fs';
import { parseSnapshot } from '../../../src/kernel/parse.ts';
import type { LinkState, NamespaceState, Snapshot } from '../../../src/kernel/types.ts';

export type FixtureName = 'empty-host' | 'veth-pair' | 'docker-bridge';

/** The raw output the snapshot script printed in one lab. */
export function fixtureText(name: FixtureName): string {
  return readFileSync(new URL(`../../fixtures/kernel/${name}.txt`, import.meta.url), 'utf8');
}

/** A fixture, parsed. */
export function fixtureSnapshot(name: FixtureName): Snapshot {
  return parseSnapshot(fixtureText(name));
}

/** A namespace of a snapshot by name (undefined: the lab host); throws so a test fails loudly when it is missing. */
export function nsOf(snapshot: Snapshot, name: string | undefined): NamespaceState {
  const found = snapshot.namespaces.find((ns) => ns.name === name);
  if (!found) throw new Error(`fixture has no namespace ${name ?? '(host)'}`);
  return found;
}

/** A link of a namespace by name; throws when it is missing. */
export function linkOf(ns: NamespaceState, name: string): LinkState {
  const found = ns.links.find((l) => l.name === name);
  if (!found) throw new Error(`namespace ${ns.name ?? '(host)'} has no link ${name}`);
  return found;
}
