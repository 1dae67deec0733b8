// Listening sockets that opened or closed: `+ listening tcp 0.0.0.0:80 (httpd)`.

import { english, type Translate } from '../i18n/index.ts';
import type { ListeningSocket } from '../kernel/types.ts';
import type { Change } from './types.ts';
import type { NamespacePair } from './namespaces.ts';

/** Sockets that started or stopped listening in one namespace. */
export function diffSockets(pair: NamespacePair, t: Translate = english.t): Change[] {
  if (!pair.after) return [];
  const key = (s: ListeningSocket): string => `${s.proto} ${s.local}`;
  const text = (s: ListeningSocket): string => (s.process ? t('diff.listening-process', { socket: key(s), process: s.process }) : t('diff.listening', { socket: key(s) }));
  const was = pair.before?.listening ?? [];
  const now = pair.after.listening;
  return [
    ...was.filter((s) => !now.some((n) => key(n) === key(s))).map((s): Change => ({ ns: pair.name, kind: 'socket', op: '-', text: text(s) })),
    ...now.filter((s) => !was.some((n) => key(n) === key(s))).map((s): Change => ({ ns: pair.name, kind: 'socket', op: '+', text: text(s) })),
  ];
}
