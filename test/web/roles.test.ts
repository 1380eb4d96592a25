import { canSeeTask, candidateGroupsOf, type Principal } from '../../src/web/auth/roles';

const user = (p: Partial<Principal>): Principal => ({ accountId: 'a', username: 'u', displayName: 'U', roles: [], unitCodes: [], departmentCodes: [], teams: [], ...p });

describe('web roles and candidate groups', () => {
  it('maps staff roles to their groups and units and departments only to their scoped groups', () => {
    expect(candidateGroupsOf(user({ roles: ['team-leader', 'team'] }))).toEqual(['team-leader', 'team']);
    expect(candidateGroupsOf(user({ roles: ['unit'], unitCodes: ['370404001'] }))).toEqual(['unit:370404001']);
    expect(candidateGroupsOf(user({ roles: ['department'], departmentCodes: ['YC-M-06'] }))).toEqual(['department:YC-M-06']);
  });

  it('lets a unit see its own unit task but not a task offered to units in general or to another unit', () => {
    const unit = user({ roles: ['unit'], unitCodes: ['370404001'] });
    expect(canSeeTask(unit, { candidateGroups: ['unit', 'unit:370404001'] })).toBe(true);
    expect(canSeeTask(unit, { candidateGroups: ['unit', 'unit:370404002'] })).toBe(false);
    expect(canSeeTask(unit, { candidateGroups: ['unit'] })).toBe(false);
  });

  it('lets anyone see a task assigned or offered to them by name', () => {
    const someone = user({ username: 'zuyuan-member-1', roles: ['team'] });
    expect(canSeeTask(someone, { assignee: 'zuyuan-member-1', candidateGroups: ['office'] })).toBe(true);
    expect(canSeeTask(someone, { candidateUsers: ['zuyuan-member-1'] })).toBe(true);
    expect(canSeeTask(someone, { candidateGroups: ['office'] })).toBe(false);
  });
});
