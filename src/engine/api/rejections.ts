// Rejections: the caller's fault, answered with a type and Zeebe's reason text.

export type RejectionType =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'INVALID_ARGUMENT'
  | 'ALREADY_EXISTS'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'EXCEEDED_BATCH_RECORD_SIZE'
  | 'PROCESSING_ERROR';

/** A command the engine refused. `intent` is the command intent, e.g. 'COMPLETE' for a job completion. */
export class Rejection extends Error {
  constructor(
    readonly rejectionType: RejectionType,
    readonly intent: string,
    readonly reason: string,
  ) {
    super(`Command '${intent}' rejected with code '${rejectionType}': ${reason}`);
    this.name = 'Rejection';
  }
}

/** Thrown when the engine cannot accept more work right now (real back-pressure only). */
export class Backpressure extends Error {
  constructor(message = 'Expected to handle the command, but the engine is overloaded; retry later') {
    super(message);
    this.name = 'Backpressure';
  }
}

/**
 * The engine can no longer trust its log (a write or a flush to disk failed): every command and every read is
 * refused until it is restarted and has recovered from what is on disk.
 */
export class EngineDown extends Error {
  constructor(readonly reason: string) {
    super(`The engine is down: ${reason}`);
    this.name = 'EngineDown';
  }
}
