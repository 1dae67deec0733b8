// The interactive controller's side of a workshop room (if the learner joined one): show the instructor's words, honour a reset.

import { note, log } from '@clack/prompts';
import type { Readable, Writable } from 'node:stream';
import type { RoomInbox } from '../../room/client/inbox.ts';

export type { RoomInbox };

/** Show what the instructor sent, between two menus. */
export function showNotices(inbox: RoomInbox | undefined, io: { input?: Readable; output?: Writable }): void {
  for (const n of inbox?.takeNotices() ?? []) note(n.text, n.title, io);
}

/** Whether to rebuild the lab now because the instructor asked; says so when it does. */
export function resetAsked(inbox: RoomInbox | undefined, io: { input?: Readable; output?: Writable }): boolean {
  if (inbox?.takeReset() !== true) return false;
  log.info('Your instructor asked to reset your lab: rebuilding it as it was when this step began…', io);
  return true;
}
