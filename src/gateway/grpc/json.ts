import type { JsonObject } from '../../engine/api';
import { InvalidRequest } from '../shared/errors';

/** gRPC carries variables and documents as JSON text; '' means none. Anything but a JSON object is refused. */
export function parseDocument(text: string | undefined, property = 'variables'): JsonObject | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InvalidRequest(`Property '${property}' is invalid: Expected document to be valid JSON, but parsing failed: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'NIL' : Array.isArray(value) ? 'ARRAY' : typeof value === 'string' ? 'STRING' : typeof value === 'number' ? 'NUMBER' : 'BOOLEAN';
    throw new InvalidRequest(`Property '${property}' is invalid: Expected document to be a root level object, but was '${kind}'`);
  }
  return value as JsonObject;
}

/** int64 fields arrive as decimal strings ('0' when unset). */
export function optionalKey(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  return text === '0' || text === '-1' || text === '' ? undefined : text;
}

export function requireText(value: string | undefined, what: string): string {
  if (!value || value.trim() === '') throw new InvalidRequest(`Expected ${what} to be present and not blank, but it was blank`);
  return value;
}

export function requirePositive(value: string | number | undefined, what: string): number {
  const n = Number(value ?? 0);
  if (!Number.isFinite(n) || n < 1) throw new InvalidRequest(`Expected ${what} to be greater than 0, but it was ${String(value)}`);
  return n;
}
