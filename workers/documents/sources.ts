import { type Db } from '../../src/db/connect';
import { peopleWithUnits, unitNameOf } from '../../src/db/organisation';
import { getInspection, teamNameOf } from '../../src/db/registers/inspections';
import { chineseDate } from '../notify/templates';
import { InputError } from '../runtime/types';

/** Shared look-ups and wording of the document templates. */
export const unitName = async (db: Db, code: string | null | undefined) => code ? (await unitNameOf(db, code)) ?? code : '';

export function need<T>(v: T | undefined | null, what: string): T {
  if (v === undefined || v === null) throw new InputError(`${what} is required for this document`);
  return v;
}

export async function loadInspection(db: Db, id: string | undefined) {
  const i = await getInspection(db, need(id, 'inspectionId'));
  if (!i) throw new InputError(`no inspection ${id}`);
  return i;
}

export const teamName = async (db: Db, teamId: string | null | undefined) => teamId ? teamNameOf(db, teamId) : undefined;

/** 2027年3月1日至2027年3月14日 for a round's dates. */
export const period = (start: string, end: string) => `${chineseDate(start)}至${chineseDate(end)}`;

/**
 * Text people entered, set into a sentence the template closes: trailing sentence punctuation and white space are
 * dropped, so "……。" never becomes "……。。" or "……。，".
 */
export const clause = (text: string | null | undefined) => (text ?? '').trim().replace(/[。；，、,.;：:\s]+$/u, '');

/** A list numbered 1., 2., … by position (a one-item list is "1."), each item one clause closed with 。. */
export const numbered = (items: string[]) => items.map((item, n) => `${n + 1}.${clause(item)}。`);

/** People by id as 姓名（单位 职务）. */
export async function peopleNamed(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await peopleWithUnits(db, ids);
  return new Map(rows.map((r) => [r.id, `${r.name}（${r.unitName}${r.post ? ` ${r.post}` : ''}）`]));
}

export { chineseDate };
