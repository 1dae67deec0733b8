// The Simplified Chinese of the command knowledge: every English text of ../*.ts and what it says in Chinese.
//
// The knowledge is data in its own language, like a lesson's prose, so it is not in the message catalogue:
// each table maps an English text (a meaning, summary, effect, context or gloss) to its Chinese, with the
// same placeholders ({value}, {value:byte}, {1}, {target}). registry.ts swaps the texts of the grammar tree
// once per language. Changing or adding an English text makes test/unit/explainer/zh-cn.test.ts name the
// text that lacks a translation (and the stale one); write its Chinese in the file named after its tool.

import { BRIDGE_ZH } from './bridge.ts';
import { CAPTURE_ZH } from './capture.ts';
import { DOCKER_ZH } from './docker.ts';
import { EVERYDAY_ZH } from './everyday.ts';
import { IP_ZH } from './ip.ts';
import { IPTABLES_ZH } from './iptables.ts';
import { NAMESPACES_ZH } from './namespaces.ts';
import { PROBES_ZH } from './probes.ts';
import { SHELL_ZH } from './shell.ts';
import { SYSCTL_ZH } from './sysctl.ts';
import { SYSTEM_ZH } from './system.ts';
import { WRAPPERS_ZH } from './wrappers.ts';

/** One table per knowledge file; a text shared by several files is translated in the first that uses it. */
export const KNOWLEDGE_ZH_FILES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ip: IP_ZH, bridge: BRIDGE_ZH, iptables: IPTABLES_ZH, sysctl: SYSCTL_ZH, docker: DOCKER_ZH, namespaces: NAMESPACES_ZH,
  wrappers: WRAPPERS_ZH, capture: CAPTURE_ZH, probes: PROBES_ZH, shell: SHELL_ZH, everyday: EVERYDAY_ZH, system: SYSTEM_ZH,
};

/** English text → Simplified Chinese, for the whole knowledge. */
export const KNOWLEDGE_ZH: ReadonlyMap<string, string> = new Map(Object.values(KNOWLEDGE_ZH_FILES).flatMap((table) => Object.entries(table)));
