import { type AccountChange, type AccountRow } from '../../db/account-admin';
import { type AuditEntry } from '../../db/audit';
import { type PersonInput, type TeamComposition, type TeamView, type UnitInput } from '../../db/organisation-admin';
import { type Person, type Unit } from '../../db/organisation';
import { type NewAccount } from '../../db/accounts';
import { type Principal } from '../auth/roles';

export type { AccountChange, AccountRow, AuditEntry, PersonInput, TeamComposition, TeamView, UnitInput, Person, Unit };

/** A login attempt: the user, or why not (`disabled`/`locked` only when the password was right). */
export type SignInOutcome = { user: Principal } | { refused: 'wrong' | 'disabled' | 'locked' };

/**
 * What sign-in, password change and the administrators' pages (系统管理) need from the domain store. Every change
 * takes the login of who makes it and is audited; refusals come as errors carrying Chinese sentences
 * (PasswordPolicyError, TeamRulesError, AccountError from src/db).
 */
export interface AdminStore {
  signIn(login: string, password: string): Promise<SignInOutcome>;
  /** The account limiter's count starts afresh after each unlock; this names the current count. */
  lockEpoch(login: string): Promise<string>;
  /** Locks the login's account after repeated failures (nothing for an unknown login). */
  lockAfterFailures(login: string, ip: string | undefined): Promise<void>;
  changeOwnPassword(by: string, accountId: string, current: string, next: string, sessionToken: string): Promise<void>;

  accounts(): Promise<AccountRow[]>;
  createAccount(by: string, input: NewAccount): Promise<string>;
  updateAccount(by: string, id: string, change: AccountChange): Promise<void>;
  setDisabled(by: string, id: string, disabled: boolean): Promise<void>;
  unlock(by: string, id: string): Promise<void>;
  /** Sets and returns a temporary password, to be changed at the next login. */
  resetPassword(by: string, id: string): Promise<string>;

  units(): Promise<Unit[]>;
  saveUnit(by: string, input: UnitInput, create: boolean): Promise<void>;
  people(): Promise<Array<Person & { unitName: string }>>;
  savePerson(by: string, input: PersonInput): Promise<string>;
  teams(): Promise<TeamView[]>;
  saveTeam(by: string, teamId: string, composition: TeamComposition): Promise<void>;
  auditPage(filter: { entity?: string; entityId?: string; actor?: string; limit: number; offset: number }): Promise<{ entries: AuditEntry[]; total: number }>;
}
