// Finds the grammar of a program by any of its names, in the language asked for.

import type { Lang } from '../i18n/index.ts';
import type { Tool, Vocabulary } from './types.ts';
import { TOOLS } from './knowledge/index.ts';
import { REDIRECTIONS, REDIRECT_TARGETS } from './knowledge/shell.ts';
import { KNOWLEDGE_ZH } from './knowledge/zh-CN/index.ts';
import { translateNode, translateVocabulary } from './translate.ts';

/** The knowledge in one language: its programs by name and the glosses of redirections. */
export interface Knowledge {
  readonly tools: ReadonlyMap<string, Tool>;
  readonly redirections: Vocabulary;
  readonly redirectTargets: Vocabulary;
}

function knowledge(tools: readonly Tool[], translate: (v: Vocabulary) => Vocabulary): Knowledge {
  return {
    tools: new Map(tools.flatMap((tool) => tool.names.map((name) => [name, tool] as const))),
    redirections: translate(REDIRECTIONS),
    redirectTargets: translate(REDIRECT_TARGETS),
  };
}

const built = new Map<Lang, Knowledge>();

/** The knowledge in `lang`, translated once and kept. */
export function knowledgeIn(lang: Lang = 'en'): Knowledge {
  const known = built.get(lang);
  if (known !== undefined) return known;
  const made = lang === 'en'
    ? knowledge(TOOLS, (v) => v)
    : knowledge(TOOLS.map((tool) => translateNode(tool, KNOWLEDGE_ZH)), (v) => translateVocabulary(v, KNOWLEDGE_ZH));
  built.set(lang, made);
  return made;
}

/** The tool called `name` (`ip`, `iptables`, `ip6tables`, …), or undefined when steplab does not know it. */
export function findTool(name: string, lang: Lang = 'en'): Tool | undefined {
  return knowledgeIn(lang).tools.get(name);
}
