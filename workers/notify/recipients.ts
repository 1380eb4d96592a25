import { accountsOfPeople, accountsWithRole, type Account } from '../../src/db/accounts';
import { type Db } from '../../src/db/connect';
import { getPeople, getPerson, getUnit, unitsByCode, unitsByName, type Unit } from '../../src/db/organisation';
import { teamMembersOf } from '../../src/db/registers/inspections';
import { COPY_OFFICES } from '../../src/domain/disposal';
import { homeUnits, teamLeads } from '../../src/domain/notification';

/**
 * Who gets a message: an account (inbox + e-mail), a unit's official mailbox or a unit head without an account
 * (e-mail, recorded in the outbox).
 */
export interface Recipient {
  key: string; // account id, mailbox:<unitCode> or person:<personId>
  name: string;
  email: string | null;
  phone: string | null;
}

export const RECIPIENT_GROUPS = ['office', 'committee', 'team-leader', 'team-members', 'member-home-units', 'unit-head', 'unit',
  'department', 'copy-offices', 'enterprise'] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];


export interface Scope {
  teamId?: string | null;
  /** The teams as the diagrams carry them (before or without a recorded team id). */
  teamPeople?: { personId: string; role: 'leader' | 'deputy' | 'member' | 'expert' }[];
  unitCode?: string | null;
  departmentCode?: string | null;
  enterpriseCode?: string | null;
}

async function fromAccounts(db: Db, accounts: Account[]): Promise<Recipient[]> {
  const personIds = accounts.map((a) => a.personId).filter((id): id is string => !!id);
  const phoneOf = new Map((await getPeople(db, personIds)).map((p) => [p.id, p.phone]));
  return accounts.map((a) => ({ key: a.id, name: a.displayName, email: a.email, phone: a.personId ? phoneOf.get(a.personId) ?? null : null }));
}

/** The units' official mailboxes. */
const mailboxes = (units: Unit[]): Recipient[] => units.map((u) => ({ key: `mailbox:${u.code}`, name: u.name, email: u.email, phone: null }));

/** Members of the scope's team(s) with their roles and home units. */
async function teamOf(db: Db, scope: Scope): Promise<{ personId: string; role: string; unitCode: string }[]> {
  if (scope.teamId) return teamMembersOf(db, scope.teamId);
  if (!scope.teamPeople || scope.teamPeople.length === 0) return [];
  const unitOf = new Map((await getPeople(db, scope.teamPeople.map((p) => p.personId))).map((p) => [p.id, p.unit_code]));
  return scope.teamPeople.filter((p) => unitOf.has(p.personId)).map((p) => ({ ...p, unitCode: unitOf.get(p.personId)! }));
}

/**
 * The unit's 主要负责人 (units.head_person_id): their accounts, or their own e-mail when they have none. A unit whose
 * head is not recorded falls back to the unit's accounts, so the message still reaches the unit.
 */
async function unitHead(db: Db, unitCode: string): Promise<Recipient[]> {
  const unit = await getUnit(db, unitCode);
  if (!unit?.head_person_id) return fromAccounts(db, await accountsWithRole(db, 'unit', unitCode));
  const accounts = await accountsOfPeople(db, [unit.head_person_id]);
  if (accounts.length > 0) return fromAccounts(db, accounts);
  const head = await getPerson(db, unit.head_person_id);
  return head ? [{ key: `person:${head.id}`, name: head.name, email: head.email, phone: head.phone }] : [];
}

/**
 * 区委组织部, 区综治办 (区委政法委), 区文明办: each office's own accounts (inbox and e-mail); an office without an
 * account still gets the copy in its official mailbox.
 */
async function copyOffices(db: Db): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  for (const office of await unitsByName(db, COPY_OFFICES)) {
    const accounts = await accountsWithRole(db, 'copy-office', office.code);
    recipients.push(...(accounts.length > 0 ? await fromAccounts(db, accounts) : mailboxes([office])));
  }
  return recipients;
}

async function resolveGroup(db: Db, group: RecipientGroup, scope: Scope): Promise<Recipient[]> {
  switch (group) {
    case 'office':
    case 'committee':
      return fromAccounts(db, await accountsWithRole(db, group));
    case 'team-leader': {
      const team = await teamOf(db, scope);
      if (team.length === 0) return fromAccounts(db, await accountsWithRole(db, 'team-leader'));
      return fromAccounts(db, await accountsOfPeople(db, teamLeads(team).map((m) => m.personId)));
    }
    case 'team-members':
      return fromAccounts(db, await accountsOfPeople(db, (await teamOf(db, scope)).map((m) => m.personId)));
    case 'member-home-units': {
      return mailboxes(await unitsByCode(db, homeUnits(await teamOf(db, scope))));
    }
    case 'unit-head':
      return scope.unitCode ? unitHead(db, scope.unitCode) : [];
    case 'unit':
      return scope.unitCode ? fromAccounts(db, await accountsWithRole(db, 'unit', scope.unitCode)) : [];
    case 'department':
      return scope.departmentCode ? fromAccounts(db, await accountsWithRole(db, 'department', scope.departmentCode)) : [];
    case 'copy-offices':
      return copyOffices(db);
    case 'enterprise':
      return scope.enterpriseCode ? mailboxes(await unitsByCode(db, [scope.enterpriseCode])) : [];
  }
}

/** All recipients of the groups, each once (a person in two groups gets one message). */
export async function resolveRecipients(db: Db, groups: RecipientGroup[], scope: Scope): Promise<Recipient[]> {
  const seen = new Map<string, Recipient>();
  for (const g of groups) for (const r of await resolveGroup(db, g, scope)) if (!seen.has(r.key)) seen.set(r.key, r);
  return [...seen.values()];
}
