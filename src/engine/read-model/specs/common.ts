import { z } from 'zod';
import { compileColumn, type CustomField } from '../fields';

/** Epoch ms → ISO-8601, or undefined for a missing date. */
export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | undefined;
export function iso(ms: number | null | undefined): string | undefined {
  return ms === null || ms === undefined ? undefined : new Date(ms).toISOString();
}

type Missing<T> = null extends T ? true : undefined extends T ? true : false;

/** An item with its null or undefined properties made optional: what `compact` leaves of it. */
export type Compact<T> = { [K in keyof T as Missing<T[K]> extends true ? never : K]: T[K] } & {
  [K in keyof T as Missing<T[K]> extends true ? K : never]?: Exclude<T[K], null | undefined>;
};

/** Reads an INTEGER key column as text (exact int64). */
export const keyCol = (sql: string, as: string): string => `CAST(${sql} AS TEXT) AS ${as}`;

/** Drops undefined and null properties, so optional fields are absent rather than null on the wire. */
export function compact<T extends object>(item: T): Compact<T> {
  // a plain loop: this runs for every row of every search, and entries/filter/fromEntries showed in load profiles
  const out: Record<string, unknown> = {};
  for (const key in item) {
    const value = item[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out as Compact<T>;
}

const stringFilter = z.union([
  z.string(),
  z.strictObject({
    $eq: z.string().optional(),
    $neq: z.string().optional(),
    $exists: z.boolean().optional(),
    $in: z.array(z.string()).optional(),
    $notIn: z.array(z.string()).optional(),
    $like: z.string().optional(),
  }),
]);

/** Camunda's `variables: [{name, value}]` filter: `value` is the JSON text of the value (or string operators). */
export function variablesFilter(scopeCondition: string): CustomField {
  return {
    kind: 'custom',
    schema: z.array(z.strictObject({ name: z.string().min(1), value: stringFilter })),
    compile(value, params) {
      const list = value as { name: string; value: unknown }[];
      return list
        .map((entry) => {
          params.push(entry.name);
          const valueCondition = compileColumn({ kind: 'string', sql: 'v.value' }, entry.value, params);
          return `EXISTS (SELECT 1 FROM rm_variable v WHERE ${scopeCondition} AND v.name = ? AND ${valueCondition})`;
        })
        .join(' AND ') || '1';
    },
  };
}

/**
 * A string filter over a user task's candidate groups or users, read from their member table
 * (rm_user_task_candidate, keyed by kind, value and task): true when a member matches.
 */
export function candidateFilter(kind: 'group' | 'user', taskKey: string): CustomField {
  return {
    kind: 'custom',
    schema: stringFilter,
    compile(value, params) {
      params.push(kind);
      const condition = compileColumn({ kind: 'string', sql: 'c.value' }, value, params);
      // correlated, so that a newest-first page walks the task index and stops once the page is full
      return `EXISTS (SELECT 1 FROM rm_user_task_candidate c WHERE c.kind = ? AND ${condition} AND c.user_task_key = ${taskKey})`;
    },
  };
}
