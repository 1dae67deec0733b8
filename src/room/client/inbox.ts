// What an interactive front end asks of a workshop room the learner joined: the instructor's words, a reset request.

import type { Step } from '../../lesson/types.ts';

export interface RoomInbox {
  /** The instructor's messages and hints not shown yet, as titled texts; taking them marks them shown. */
  takeNotices(): readonly { readonly title: string; readonly text: string }[];
  /** Whether the instructor asked for this learner's lab to be rebuilt to the start of the step (cleared when taken). */
  takeReset(): boolean;
  /** The learner was shown a hint of this step. */
  hintShown(step: Step): void;
}
