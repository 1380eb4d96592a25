import { listTeams, saveTeamComposition } from '../../src/db/organisation-admin';
import { recordPlan, recordTeams } from '../../src/db/registers/inspections';
import { seedDemoData } from '../../src/db/seed';
import { dialects, useStores } from '../support/stores';

const by = { name: 'admin', at: '2026-11-28T04:00:00.000Z' };

describe.each(dialects)('a team change on %s', (dialect) => {
  const stores = useStores(dialect);

  it('gives a liaison picked as a member that role instead of colliding with the liaison entry, and keeps the other liaison', async () => {
    // given an approved plan of two teams of seven, the first with two liaisons beside it
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    const { planId } = await recordPlan(db, by, { year: 2027, cycleStart: '2025-11-12', units: [], rounds: [{ no: 1, start: '2027-03-01', end: '2027-03-19', units: [] }] });
    const members = ['p-member-1', 'p-member-2', 'p-member-3', 'p-member-4'];
    const { 第一巡查组: team } = await recordTeams(db, by, planId, [
      { name: '第一巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: members, expertIds: ['p-expert-1'] },
      { name: '第二巡查组', leaderId: 'p-leader-2', deputyId: 'p-deputy-2', memberIds: ['p-member-5', 'p-member-6', 'p-member-7', 'p-member-8'], expertIds: ['p-expert-2'] },
    ]);
    await db.insertInto('team_members').values([
      { team_id: team!, person_id: 'p-member-9', role: 'liaison' },
      { team_id: team!, person_id: 'p-member-10', role: 'liaison' },
    ]).execute();
    // when the administrator puts the first liaison in place of a member
    await saveTeamComposition(db, by, team!, { leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: [...members.slice(1), 'p-member-9'], expertIds: ['p-expert-1'] });
    // then
    const saved = (await listTeams(db)).find((t) => t.id === team)!;
    const roleOf = new Map(saved.members.map((m) => [m.personId, m.role]));
    expect(roleOf.get('p-member-9')).toBe('member');
    expect(roleOf.get('p-member-10')).toBe('liaison');
    expect(roleOf.has('p-member-1')).toBe(false);
    expect(saved.members).toHaveLength(8);
  }, 60_000);
});
