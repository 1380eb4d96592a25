import { type Db } from './connect';
import { type UnitTable } from './schema';

/**
 * Reference data that task forms offer as options (被巡查单位, 巡查人员, 专家, 企业, 证据). The web app turns these rows
 * into option lists; the values are the identifiers the processes carry (unit codes, person ids, evidence ids).
 */
export interface UnitChoice {
  code: string;
  name: string;
  /** 简称 (区住建局), if the unit has one. */
  shortName: string | null;
  kind: UnitTable['kind'];
  /** Enterprises: the 镇街 they sit in. */
  parentName: string | null;
}

export interface PersonChoice {
  id: string;
  name: string;
  unitName: string;
  rank: string | null;
  post: string;
  expert: boolean;
}

/** Units of the given kinds with their parent's name, ordered by code. */
export async function unitChoices(db: Db, kinds: UnitChoice['kind'][]): Promise<UnitChoice[]> {
  if (kinds.length === 0) return [];
  const rows = await db.selectFrom('units as u').leftJoin('units as p', 'p.code', 'u.parent_code')
    .select(['u.code', 'u.name', 'u.short_name', 'u.kind', 'p.name as parentName'])
    .where('u.kind', 'in', kinds).orderBy('u.code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, shortName: r.short_name, kind: r.kind, parentName: r.parentName ?? null }));
}

/** People with the name of their home unit; `expert` narrows to experts (true) or everyone else (false). */
export async function personChoices(db: Db, filter: { expert?: boolean } = {}): Promise<PersonChoice[]> {
  let q = db.selectFrom('people').innerJoin('units', 'units.code', 'people.unit_code')
    .select(['people.id', 'people.name', 'units.name as unitName', 'people.rank', 'people.post', 'people.expert'])
    .orderBy('people.id');
  if (filter.expert !== undefined) q = q.where('people.expert', '=', filter.expert ? 1 : 0);
  return (await q.execute()).map((r) => ({ id: r.id, name: r.name, unitName: r.unitName, rank: r.rank, post: r.post, expert: r.expert === 1 }));
}
