import { type Db } from './connect';
import { type PersonTable, type UnitTable } from './schema';

export type Unit = Omit<UnitTable, 'supervising' | 'created_at'> & { supervising: boolean };
export type Person = Omit<PersonTable, 'expert' | 'created_at'> & { expert: boolean };

const toUnit = (r: UnitTable): Unit => ({
  code: r.code, name: r.name, short_name: r.short_name, kind: r.kind, parent_code: r.parent_code, domain: r.domain,
  supervising: r.supervising === 1, industry: r.industry, address: r.address, email: r.email, head_person_id: r.head_person_id,
});
const toPerson = (r: PersonTable): Person => ({
  id: r.id, name: r.name, unit_code: r.unit_code, post: r.post, rank: r.rank, expert: r.expert === 1,
  safety_years: r.safety_years, email: r.email, phone: r.phone,
});

/** Units by kind (镇街 = town + subdistrict, member units, enterprises), ordered by code. */
export async function listUnits(db: Db, kinds?: Unit['kind'][]): Promise<Unit[]> {
  let q = db.selectFrom('units').selectAll().orderBy('code');
  if (kinds && kinds.length > 0) q = q.where('kind', 'in', kinds);
  return (await q.execute()).map(toUnit);
}

export async function getUnit(db: Db, code: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** A unit by its exact name (the offices the regulation names: 区委组织部, …). */
export async function unitByName(db: Db, name: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** The units that must be inspected once per cycle: the 7 镇街, the member units and the development zone. */
export async function inspectableUnits(db: Db): Promise<Unit[]> {
  return listUnits(db, ['town', 'subdistrict', 'member', 'zone']);
}

/** The supervising department whose routing domain names this industry (移交 routing table). */
export async function departmentForIndustry(db: Db, industry: string): Promise<Unit | undefined> {
  const rows = await db.selectFrom('units').selectAll().where('supervising', '=', 1).where('domain', 'is not', null)
    .orderBy('code').execute();
  const hit = rows.find((r) => (r.domain ?? '').split('、').some((d) => d && (industry.includes(d) || d.includes(industry))));
  return hit ? toUnit(hit) : undefined;
}

export async function getPerson(db: Db, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

export async function getPeople(db: Db, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('people').selectAll().where('id', 'in', ids).orderBy('id').execute()).map(toPerson);
}

export async function listPeople(db: Db, unitCode?: string): Promise<Person[]> {
  let q = db.selectFrom('people').selectAll().orderBy('id');
  if (unitCode) q = q.where('unit_code', '=', unitCode);
  return (await q.execute()).map(toPerson);
}

/** A unit's name, or undefined for an unknown code. */
export async function unitNameOf(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('name').where('code', '=', code).executeTakeFirst())?.name;
}

/** The registered enterprise of that name (problems name an enterprise as the forms do). */
export async function enterpriseByName(db: Db, name: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('kind', '=', 'enterprise').where('name', '=', name).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** Units by code, ordered by code (unknown codes are left out). */
export async function unitsByCode(db: Db, codes: readonly string[]): Promise<Unit[]> {
  if (codes.length === 0) return [];
  return (await db.selectFrom('units').selectAll().where('code', 'in', [...codes]).orderBy('code').execute()).map(toUnit);
}

/** Units by name, ordered by code (unknown names are left out). */
export async function unitsByName(db: Db, names: readonly string[]): Promise<Unit[]> {
  if (names.length === 0) return [];
  return (await db.selectFrom('units').selectAll().where('name', 'in', [...names]).orderBy('code').execute()).map(toUnit);
}

/** People by id with the name of their unit, ordered by id. */
export async function peopleWithUnits(db: Db, ids: readonly string[]): Promise<(Person & { unitName: string })[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('people').innerJoin('units', 'units.code', 'people.unit_code')
    .selectAll('people').select('units.name as unitName').where('people.id', 'in', [...new Set(ids)]).orderBy('people.id').execute();
  return rows.map((r) => ({ ...toPerson(r), unitName: r.unitName }));
}
