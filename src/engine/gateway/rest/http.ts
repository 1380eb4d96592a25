import type { Database } from 'better-sqlite3';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { InvalidRequest } from '../errors';
import { BadCursor, runSearch, searchRequestSchema, type SearchRequest, type SearchSpec } from './search/search';
import { cachedStatement } from './search/statement-cache';

/** A resource the path names does not exist (404 problem). */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** Zod issues as one precise sentence per problem: `changeset.priority: Too big: expected number to be <=100`. */
export function describeIssues(error: z.ZodError, where: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.join('.') : where;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

export function parse<T extends z.ZodType>(schema: T, value: unknown, where = 'body'): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new InvalidRequest(`Invalid request ${where}: ${describeIssues(result.error, where)}`);
  return result.data;
}

/** A key path parameter: a decimal int64. */
export function keyParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || !/^-?\d{1,19}$/.test(value)) {
    throw new InvalidRequest(`Invalid path parameter ${name}: expected a key (a decimal number), but got '${String(value)}'`);
  }
  return value;
}

export const keySchema = z.union([z.string().regex(/^-?\d{1,19}$/, 'expected a key (a decimal number as a string)'), z.number().int()]).transform(String);
export const variablesSchema = z.record(z.string(), z.unknown());

/** An int64 field: the official client sends these as decimal strings, others as numbers. */
export function int64(min = Number.MIN_SAFE_INTEGER, message = `expected a whole number of at least ${min}`) {
  return z
    .union([z.number().int('expected a whole number'), z.string().regex(/^-?\d{1,16}$/, 'expected a whole number')])
    .transform(Number)
    .pipe(z.number().min(min, message));
}

const schemas = new WeakMap<object, z.ZodType>();

/** Validates a search body against the spec and answers the page. */
export function search<Row, Item>(db: Database, spec: SearchSpec<Row, Item>, body: unknown, res: Response): void {
  let schema = schemas.get(spec);
  if (!schema) {
    schema = searchRequestSchema(spec as SearchSpec<unknown, unknown>);
    schemas.set(spec, schema);
  }
  const request = parse(schema, body) as SearchRequest;
  try {
    res.json(runSearch(db, spec, request));
  } catch (err) {
    if (err instanceof BadCursor) throw new InvalidRequest(err.message);
    throw err;
  }
}

/** The single row a GET answers, or a 404. */
export function getOne<Row, Item>(db: Database, spec: SearchSpec<Row, Item>, keySql: string, key: string, what: string): Item {
  const row = cachedStatement(db, `SELECT ${spec.select} FROM ${spec.from} WHERE ${keySql} = ?`).get(key) as Row | undefined;
  if (!row) throw new NotFound(`${what} with key '${key}' not found`);
  return spec.toItem(row);
}
