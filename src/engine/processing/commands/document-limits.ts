/**
 * Limits of a variable document a client sends (create instance, publish or correlate a message, complete or fail a
 * job, set variables, broadcast a signal, evaluate a decision, modify an instance). Checked before anything is
 * written: the serialisers, FEEL and the projections walk a document recursively, so a document nested deeper than
 * they can follow would otherwise fail only when the batch is written.
 */

/** Deepest nesting of arrays and objects accepted (1000 is the default limit of common JSON readers). */
export const MAX_DOCUMENT_DEPTH = 1000;

/** Largest serialised document (characters), the size of the largest message the gateways take. */
export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

/** Why a document exceeds the limits, or undefined when it keeps to them. The walk is iterative (no stack to overflow). */
export function documentLimitFault(document: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value: document, depth: 1 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DOCUMENT_DEPTH) {
      return `Expected the variables to be nested at most ${MAX_DOCUMENT_DEPTH} levels deep, but they were nested deeper`;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: depth + 1 });
    }
  }
  const chars = JSON.stringify(document)?.length ?? 0;
  if (chars > MAX_DOCUMENT_CHARS) {
    return `Expected the variables to take at most ${MAX_DOCUMENT_CHARS} characters as JSON, but they took ${chars}`;
  }
  return undefined;
}
