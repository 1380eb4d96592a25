/**
 * Marks a call's refusal as handled at once, for tests that assert it only after awaiting something else:
 * a refusal that arrives first would otherwise be reported as an unhandled rejection and fail the run.
 */
export function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
