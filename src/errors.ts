// Errors of the tool itself. A failed step or check is data, never one of these.

export type ErrorCode =
  | 'LESSON_INVALID'
  | 'LESSON_NOT_FOUND'
  | 'USERNS_DENIED'
  | 'TOOL_MISSING'
  | 'SANDBOX_BROKEN'
  | 'TARGET_UNAVAILABLE'
  | 'ENGINE_UNAVAILABLE'
  | 'PROGRESS_CORRUPT'
  | 'ROOM_UNAVAILABLE'
  | 'ROOM_REFUSED'
  | 'USAGE';

/** A broken tool or environment: carries a code and a message that says what to do. */
export class SteplabError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'SteplabError';
    this.code = code;
    this.hint = hint;
  }
}

/** The user asked for something that cannot work as written (bad flag, unknown lesson). */
export const usageError = (message: string, hint?: string): SteplabError => new SteplabError('USAGE', message, hint);

/** Whether a value is one of our own errors (as opposed to a bug). */
export const isSteplabError = (value: unknown): value is SteplabError => value instanceof SteplabError;
