// Finds the grammar of a program by any of its names.

import type { Tool } from './types.ts';
import { TOOLS } from './knowledge/index.ts';

const byName = new Map<string, Tool>(TOOLS.flatMap((tool) => tool.names.map((name) => [name, tool] as const)));

/** The tool called `name` (`ip`, `iptables`, `ip6tables`, …), or undefined when steplab does not know it. */
export function findTool(name: string): Tool | undefined {
  return byName.get(name);
}
