import type { Request } from 'express';
import { z } from 'zod';
import { InvalidQuery, type QueryIssue } from '../../engine/api';
import { InvalidRequest } from '../shared/errors';

/** A resource the path names does not exist (404 problem). */
export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** Zod issues as one precise sentence per problem: `changeset.priority: Too big: expected number to be <=100`. */
export function describeIssues(issues: readonly QueryIssue[], where: string): string {
  return issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.map(String).join('.') : where;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

export function parse<T extends z.ZodType>(schema: T, value: unknown, where = 'body'): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new InvalidRequest(`Invalid request ${where}: ${describeIssues(result.error.issues, where)}`);
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

/** Runs a read-model search of the request body; a query the read model refuses is the request's fault (400). */
export function searched<T>(search: () => T): T {
  try {
    return search();
  } catch (err) {
    if (err instanceof InvalidQuery) {
      throw new InvalidRequest(err.issues ? `Invalid request body: ${describeIssues(err.issues, 'body')}` : err.message);
    }
    throw err;
  }
}

/** The item a GET answers, or a 404. */
export function found<T>(item: T | undefined, what: string, key: string): T {
  if (item === undefined) throw new NotFound(`${what} with key '${key}' not found`);
  return item;
}
