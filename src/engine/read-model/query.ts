import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { InvalidQuery, type SearchPage } from '../api';
import { runSearch, searchRequestSchema, type SearchRequest, type SearchSpec } from './search';
import { cachedStatement } from './statement-cache';

const schemas = new WeakMap<object, z.ZodType>();

/** The query validated against a schema (an absent query is an empty one), or InvalidQuery with every issue. */
export function validated<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    throw new InvalidQuery(issues.map((i) => `${i.path.map(String).join('.') || 'query'}: ${i.message}`).join('; '), issues);
  }
  return result.data;
}

/** The search schema of a spec, built once per spec. */
function schemaOf(spec: SearchSpec<unknown, unknown>): z.ZodType {
  let schema = schemas.get(spec);
  if (!schema) {
    schema = searchRequestSchema(spec);
    schemas.set(spec, schema);
  }
  return schema;
}

/**
 * Validates a search query and answers the page. `base` is the spec the schema is built from (once), when `spec`
 * is a copy of it with a base condition of the call.
 */
export function searchWith<Row, Item>(
  db: Database,
  spec: SearchSpec<Row, Item>,
  query: unknown,
  base: SearchSpec<Row, Item> = spec,
): SearchPage<Item> {
  return runSearch(db, spec, validated(schemaOf(base as SearchSpec<unknown, unknown>), query) as SearchRequest);
}

/** The single item with this key, or undefined. */
export function getWith<Row, Item>(db: Database, spec: SearchSpec<Row, Item>, keySql: string, key: string): Item | undefined {
  const row = cachedStatement(db, `SELECT ${spec.select} FROM ${spec.from} WHERE ${keySql} = ?`).get(key) as Row | undefined;
  return row ? spec.toItem(row) : undefined;
}
