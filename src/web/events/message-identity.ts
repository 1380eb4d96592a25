import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that equal content always gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The id of a report: the message, its subject and what was entered (not who sent it or when), so that sending the
 * same report again is recognised as the same report and delivered once.
 */
export function messageIdOf(name: string, correlationKey: string, entered: Record<string, unknown>): string {
  return `web-${digest(canonical({ name, correlationKey, entered }))}`;
}
