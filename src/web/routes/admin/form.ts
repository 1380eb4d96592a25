import { AccountError, PasswordPolicyError } from '../../../db/account-admin';
import { TeamRulesError } from '../../../db/organisation-admin';
import { str } from '../../http';

/** Reads a urlencoded form: single values trimmed ('' when absent), lists as arrays. */
export function formOf(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    text: (name: string) => str(b[name]) ?? '',
    list: (name: string) => (Array.isArray(b[name]) ? b[name] : b[name] === undefined ? [] : [b[name]]).filter((v): v is string => typeof v === 'string' && v !== ''),
    checked: (name: string) => b[name] !== undefined,
    raw: (name: string) => (typeof b[name] === 'string' ? b[name] : ''),
  };
}

/** The Chinese sentences of a refusal from src/db, or undefined for any other error (which is rethrown). */
export function refusalOf(err: unknown): string[] | undefined {
  if (err instanceof PasswordPolicyError || err instanceof TeamRulesError) return err.problems;
  if (err instanceof AccountError) return [err.message];
  return undefined;
}
