import { attemptLogin } from '../../db/accounts';
import {
  changeOwnPassword, createAccountByAdmin, listAccounts, lockAccount, lockEpoch, resetPassword, setAccountDisabled, temporaryPassword,
  unlockAccount, updateAccount,
} from '../../db/account-admin';
import { auditPage } from '../../db/audit';
import { type Db } from '../../db/connect';
import { listPeople, listUnits } from '../../db/organisation';
import { listTeams, savePerson, saveTeamComposition, saveUnit } from '../../db/organisation-admin';
import { teamsOfPerson } from '../../db/web-queries';
import { type PasswordPolicy } from '../../domain/password-policy';
import { type AdminStore } from './admin-port';
import { principalOf } from './domain-store';

/** The administration port on the domain database; `now` is the engine's time for the audit records. */
export function adminStore(db: Db, now: () => Date, policy: PasswordPolicy): AdminStore {
  const by = (name: string) => ({ name, at: now().toISOString() });
  return {
    async signIn(login, password) {
      const outcome = await attemptLogin(db, login, password);
      if (!('account' in outcome)) return outcome;
      return { user: principalOf(outcome.account, await teamsOfPerson(db, outcome.account.personId)) };
    },
    lockEpoch: (login) => lockEpoch(db, login),
    async lockAfterFailures(login, ip) {
      await lockAccount(db, by('system'), login, { reason: 'repeated-failures', ip });
    },
    changeOwnPassword: (login, id, current, next, token) => changeOwnPassword(db, by(login), id, current, next, policy, token),
    accounts: () => listAccounts(db),
    createAccount: (login, input) => createAccountByAdmin(db, by(login), input, policy),
    updateAccount: (login, id, change) => updateAccount(db, by(login), id, change),
    setDisabled: (login, id, disabled) => setAccountDisabled(db, by(login), id, disabled),
    unlock: (login, id) => unlockAccount(db, by(login), id),
    async resetPassword(login, id) {
      const temporary = temporaryPassword();
      await resetPassword(db, by(login), id, temporary, policy);
      return temporary;
    },
    units: () => listUnits(db),
    saveUnit: (login, input, create) => saveUnit(db, by(login), input, create),
    async people() {
      const [people, units] = await Promise.all([listPeople(db), listUnits(db)]);
      const names = new Map(units.map((u) => [u.code, u.name]));
      return people.map((p) => ({ ...p, unitName: names.get(p.unit_code) ?? p.unit_code }));
    },
    savePerson: (login, input) => savePerson(db, by(login), input),
    teams: () => listTeams(db),
    saveTeam: (login, id, composition) => saveTeamComposition(db, by(login), id, composition),
    auditPage: (filter) => auditPage(db, filter),
  };
}
