/** Opaque page cursors: the sort values and key of a boundary row, as base64url JSON. */
export type CursorValues = unknown[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values of a cursor, or undefined when it is not one of ours (answered as a 400 by the caller). */
export function decodeCursor(cursor: string, expectedLength: number): CursorValues | undefined {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== expectedLength) return undefined;
    if (!values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return undefined;
    return values;
  } catch {
    return undefined;
  }
}
