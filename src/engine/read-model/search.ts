import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { InvalidQuery } from '../api';
import { decodeCursor, encodeCursor } from './cursor';
import { compileColumn, fieldSchema, type FilterField } from './fields';
import { cachedStatement } from './statement-cache';

/** One searchable resource: its table, filter fields, sort fields and how a row becomes a wire item. */
export interface SearchSpec<Row, Item> {
  /** FROM clause, e.g. `rm_user_task t`. */
  from: string;
  /** FROM clause for totalItems when the joins of `from` only add columns (filters use the base table alone). */
  countFrom?: string;
  /** Select list producing Row. */
  select: string;
  /** Unique, non-null tie-breaker (the key). */
  key: string;
  filters: Record<string, FilterField>;
  /** Wire sort field → SQL expression (made non-null by the spec, so that cursors compare cleanly). */
  sorts: Record<string, string>;
  /** A cheaper equivalent count for filters the spec answers from an index of its own; undefined: the generic one. */
  count?(filter: Record<string, unknown>): { sql: string; params: unknown[] } | undefined;
  /** Filter `$or: [...]` allowed (process instances). */
  allowOr?: boolean;
  /** Condition always applied (e.g. the path's process instance). */
  baseCondition?: { sql: string; params: unknown[] };
  toItem(row: Row): Item;
}

export const MAX_PAGE_LIMIT = 10_000;
export const DEFAULT_PAGE_LIMIT = 100;

const pageSchema = z
  .strictObject({
    from: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(MAX_PAGE_LIMIT).optional(),
    after: z.string().min(1).optional(),
    before: z.string().min(1).optional(),
  })
  .refine((p) => [p.from !== undefined, p.after !== undefined, p.before !== undefined].filter(Boolean).length <= 1, {
    message: 'page takes only one of from, after and before',
  });

/** The zod schema of a search request for this spec: unknown filter fields and sort fields are 400s. */
export function searchRequestSchema(spec: SearchSpec<unknown, unknown>) {
  const filterShape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(spec.filters)) filterShape[name] = fieldSchema(field).optional();
  const base = z.strictObject(filterShape);
  const filter = spec.allowOr
    ? z.strictObject({ ...filterShape, $or: z.array(base).optional() })
    : base;
  const sortFields = Object.keys(spec.sorts) as [string, ...string[]];
  return z.strictObject({
    filter: filter.optional(),
    sort: z.array(z.strictObject({ field: z.enum(sortFields), order: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional() })).optional(),
    page: pageSchema.optional(),
  });
}

export type SearchRequest = z.infer<ReturnType<typeof searchRequestSchema>>;

export interface SearchResult<Item> {
  items: Item[];
  page: { totalItems: number; hasMoreTotalItems: boolean; startCursor?: string; endCursor?: string };
}

function compileFilter(spec: SearchSpec<unknown, unknown>, filter: Record<string, unknown>, params: unknown[]): string[] {
  const conditions: string[] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || name === '$or') continue;
    const field = spec.filters[name];
    conditions.push(field.kind === 'custom' ? field.compile(value, params) : compileColumn(field, value, params));
  }
  return conditions;
}

/** The WHERE conditions of a validated filter (with `$or`), pushing their parameters. */
export function filterConditions(spec: SearchSpec<unknown, unknown>, filter: Record<string, unknown>, params: unknown[]): string[] {
  const conditions = compileFilter(spec, filter, params);
  const alternatives = filter.$or as Record<string, unknown>[] | undefined;
  if (alternatives && alternatives.length > 0) {
    const ors = alternatives.map((alt) => {
      const parts = compileFilter(spec, alt, params);
      return parts.length ? `(${parts.join(' AND ')})` : '1';
    });
    conditions.push(`(${ors.join(' OR ')})`);
  }
  return conditions;
}

/** Runs a validated search: filter, sort, offset or cursor page, total count. */
export function runSearch<Row, Item>(db: Database, spec: SearchSpec<Row, Item>, request: SearchRequest): SearchResult<Item> {
  const params: unknown[] = [...(spec.baseCondition?.params ?? [])];
  const filter = (request.filter ?? {}) as Record<string, unknown>;
  const conditions = spec.baseCondition ? [spec.baseCondition.sql] : [];
  conditions.push(...filterConditions(spec as SearchSpec<unknown, unknown>, filter, params));
  const where = conditions.length ? `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '';
  const count = spec.baseCondition ? undefined : spec.count?.(filter);
  const totalItems = count
    ? (cachedStatement(db, count.sql).get(...count.params) as { n: number }).n
    : (cachedStatement(db, `SELECT count(*) AS n FROM ${spec.countFrom ?? spec.from} ${where}`).get(...params) as { n: number }).n;

  const orderings = (request.sort ?? []).map((s) => ({ sql: spec.sorts[s.field], desc: s.order?.toUpperCase() === 'DESC' }));
  orderings.push({ sql: spec.key, desc: false });
  const page = request.page ?? {};
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const backwards = page.before !== undefined;
  const cursorText = page.after ?? page.before;
  const pageConditions = [...conditions];
  const pageParams = [...params];
  if (cursorText !== undefined) {
    const values = decodeCursor(cursorText, orderings.length);
    if (!values) throw new InvalidQuery(`The cursor '${cursorText}' is not a cursor of this search`);
    pageConditions.push(keysetCondition(orderings, values, backwards, pageParams));
  }
  const pageWhere = pageConditions.length ? `WHERE ${pageConditions.map((c) => `(${c})`).join(' AND ')}` : '';
  const order = orderings.map((o, i) => `_s${i} ${o.desc !== backwards ? 'DESC' : 'ASC'}`).join(', ');
  const sortColumns = orderings.map((o, i) => `${o.sql} AS _s${i}`).join(', ');
  const offset = page.from ?? 0;
  const rows = cachedStatement(db, `SELECT ${spec.select}, ${sortColumns} FROM ${spec.from} ${pageWhere} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...pageParams, limit, cursorText === undefined ? offset : 0) as (Row & Record<string, unknown>)[];
  if (backwards) rows.reverse();
  const cursorOf = (row: Record<string, unknown>) => encodeCursor(orderings.map((_, i) => row[`_s${i}`] as string | number | null));
  const cursors = rows.length ? { startCursor: cursorOf(rows[0]), endCursor: cursorOf(rows[rows.length - 1]) } : {};
  // the sort columns serve the cursors only: no Camunda schema has them
  for (const row of rows) for (let i = 0; i < orderings.length; i++) delete row[`_s${i}`];
  return {
    items: rows.map((row) => spec.toItem(row)),
    page: { totalItems, hasMoreTotalItems: false, ...cursors },
  };
}

/** Rows strictly after (or before) the cursor row in the sort order: (a > x) OR (a = x AND b > y) OR … */
function keysetCondition(orderings: { sql: string; desc: boolean }[], values: unknown[], backwards: boolean, params: unknown[]): string {
  const alternatives: string[] = [];
  for (let i = 0; i < orderings.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(`${orderings[j].sql} IS ?`);
      params.push(values[j]);
    }
    const greater = orderings[i].desc === backwards;
    parts.push(`${orderings[i].sql} ${greater ? '>' : '<'} ?`);
    params.push(values[i]);
    alternatives.push(`(${parts.join(' AND ')})`);
  }
  return alternatives.join(' OR ');
}
