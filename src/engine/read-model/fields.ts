import { z } from 'zod';

/**
 * Filter fields of a search: how a wire field maps to SQL and which operators it takes (Camunda 8.8's
 * StringFilterProperty, IntegerFilterProperty, DateTimeFilterProperty, BasicStringFilterProperty for keys).
 */
export type FieldKind = 'string' | 'key' | 'integer' | 'date' | 'boolean';

export interface ColumnField {
  kind: FieldKind;
  /** SQL expression of the column; dates must be epoch ms. */
  sql: string;
  /** Allowed values for enum-like string fields. */
  values?: readonly string[];
}

export interface CustomField {
  kind: 'custom';
  schema: z.ZodType;
  /** SQL condition for the parsed value; pushes its parameters. */
  compile(value: unknown, params: unknown[]): string;
}

export type FilterField = ColumnField | CustomField;

const keyText = z.union([z.string().regex(/^-?\d+$/, 'expected a key (a decimal number as a string)'), z.number().int()]).transform(String);
const isoDate = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 date-time' });

function scalarOf(field: ColumnField): z.ZodType {
  switch (field.kind) {
    case 'string':
      return field.values ? z.enum(field.values as [string, ...string[]]) : z.string();
    case 'key':
      return keyText;
    case 'integer':
      return z.number().int();
    case 'date':
      return isoDate;
    case 'boolean':
      return z.boolean();
  }
}

/** The zod schema of one filter field: a bare value ($eq) or an operator object. */
export function fieldSchema(field: FilterField): z.ZodType {
  if (field.kind === 'custom') return field.schema;
  const scalar = scalarOf(field);
  if (field.kind === 'boolean') return scalar;
  const ops: Record<string, z.ZodType> = {
    $eq: scalar.optional(),
    $neq: scalar.optional(),
    $exists: z.boolean().optional(),
    $in: z.array(scalar).optional(),
  };
  if (field.kind === 'string' || field.kind === 'key') ops.$notIn = z.array(scalar).optional();
  if (field.kind === 'string') ops.$like = z.string().optional();
  if (field.kind === 'integer' || field.kind === 'date') {
    for (const op of ['$gt', '$gte', '$lt', '$lte']) ops[op] = scalar.optional();
  }
  return z.union([scalar, z.strictObject(ops)]);
}

export type Operators = Partial<Record<'$eq' | '$neq' | '$exists' | '$in' | '$notIn' | '$like' | '$gt' | '$gte' | '$lt' | '$lte', unknown>>;

const COMPARISONS: Record<string, string> = { $eq: '=', $neq: '!=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Camunda's `$like` (`*` any run, `?` one character, `\` escapes) as a case-sensitive SQLite GLOB pattern, where
 * a literal `*`, `?` or `[` is written as a one-character class.
 */
export function globPattern(pattern: string): string {
  let glob = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      glob += next === '*' || next === '?' || next === '[' ? `[${next}]` : next;
    } else if (c === '[') {
      glob += '[[]';
    } else {
      glob += c;
    }
  }
  return glob;
}

function toSqlValue(field: ColumnField, value: unknown): unknown {
  if (field.kind === 'date') return Date.parse(value as string);
  if (field.kind === 'boolean') return value ? 1 : 0;
  return value;
}

/** SQL condition for a validated column filter value; `sql` stands for the column expression. */
export function compileColumn(field: ColumnField, value: unknown, params: unknown[], sql = field.sql): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    params.push(toSqlValue(field, value));
    return `${sql} = ?`;
  }
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(value as Operators)) {
    if (operand === undefined) continue;
    if (op === '$exists') {
      parts.push(operand ? `${sql} IS NOT NULL` : `${sql} IS NULL`);
    } else if (op === '$in' || op === '$notIn') {
      const list = operand as unknown[];
      if (list.length === 0) {
        parts.push(op === '$in' ? '0' : '1');
        continue;
      }
      params.push(...list.map((item) => toSqlValue(field, item)));
      parts.push(`${sql} ${op === '$in' ? 'IN' : 'NOT IN'} (${list.map(() => '?').join(', ')})`);
    } else if (op === '$like') {
      params.push(globPattern(operand as string));
      parts.push(`${sql} GLOB ?`);
    } else if (op === '$neq') {
      params.push(toSqlValue(field, operand));
      parts.push(`${sql} IS NOT ?`);
    } else {
      params.push(toSqlValue(field, operand));
      parts.push(`${sql} ${COMPARISONS[op]} ?`);
    }
  }
  return parts.length === 0 ? '1' : parts.join(' AND ');
}
