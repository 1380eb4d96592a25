import { checkTeamProposal, checkTeams, teamChanges, type Inspector, type TeamProposal } from '../../../src/domain/teams';

const p = (id: string, unitCode: string, rank = '科员', expert = false, safetyYears = 2): Inspector =>
  ({ id, name: `名${id}`, unitCode, rank, expert, safetyYears });

const people = new Map<string, Inspector>([
  ...['1', '2'].map((n) => [p(`L${n}`, `U-L${n}`, '科级', false, 5), p(`D${n}`, `U-D${n}`, '科级', false, 3),
    p(`E${n}`, 'U-AJJ', '专家', true, 10), ...['a', 'b', 'c'].map((m) => p(`M${n}${m}`, `U-M${n}${m}`))]).flat()
    .map((x) => [x.id, x] as [string, Inspector]),
  ['Y', p('Y', 'U-Y', '科员', false, 0)],
]);
const team = (n: string, units: string[]): TeamProposal => ({
  name: `第${n}巡查组`, leaderId: `L${n}`, deputyId: `D${n}`, memberIds: ['a', 'b', 'c'].map((m) => `M${n}${m}`), expertIds: [`E${n}`], unitCodes: units,
});

describe('team composition check', () => {
  it('accepts two teams of six with qualified leaders, an expert each and no conflicts', () => {
    // when
    const problems = checkTeams([team('1', ['T1']), team('2', ['T2'])], people);
    // then
    expect(problems).toEqual([]);
  });

  it('names every violation: count, size, rank, experience, recusal and double membership', () => {
    // given one team whose deputy is a junior, a member from the inspected unit, and a member of another team
    const bad: TeamProposal = { ...team('1', ['U-M1a']), deputyId: 'Y', memberIds: ['M1a', 'M1b', 'M2a'] };
    // when
    const problems = checkTeams([bad], people);
    // then
    expect(problems).toEqual([
      '巡查组数量应为2至3个，现为1个。',
      '巡查组“第1巡查组”的副组长名Y应为科级干部，现为科员。',
      '巡查组“第1巡查组”的副组长名Y应有1年以上安全生产监管工作经历。',
      '巡查组“第1巡查组”的名M1a应当回避：不能巡查本人所在单位U-M1a。',
    ]);
    const small = checkTeams([{ ...team('1', []), memberIds: [] }, team('2', [])], people);
    expect(small).toContain('巡查组“第1巡查组”人数应为6至8人，现为3人。');
    const twice = checkTeams([team('1', []), { ...team('2', []), memberIds: ['M1a', 'M2b', 'M2c'] }], people);
    expect(twice).toContain('名M1a同时在巡查组“第1巡查组”和“第2巡查组”中。');
  });

  it('requires an expert and keeps the composition stable within a cycle', () => {
    // given
    const changed = { ...team('1', []), memberIds: ['M1a', 'M1b', 'Y'], expertIds: ['M1c'] };
    // when
    const problems = checkTeams([changed, team('2', [])], people, { approved: [team('1', []), team('2', [])] });
    // then
    expect(problems).toEqual([
      '巡查组“第1巡查组”至少应有1名安全生产专家。',
      '巡查组“第1巡查组”的名M1c不是安全生产专家，不能以专家身份参加。',
      '巡查组“第1巡查组”的人员应在一个巡查周期内保持稳定：新增名Y，减少名E1。',
    ]);
  });

  it('lets a declared adjustment change a team, and names the changes for the committee', () => {
    // given the office replaces an unsuitable member of team 1 (二（三）)
    const approved = [team('1', []), team('2', [])];
    const adjusted = { ...team('1', []), memberIds: ['M1a', 'M1b', 'Y'] };
    // when
    const asAdjustment = checkTeams([adjusted, team('2', [])], people, { approved, adjustment: true });
    const unannounced = checkTeams([adjusted, team('2', [])], people, { approved });
    // then the stability rule refuses only the unannounced change, and the change is spelled out
    expect(asAdjustment).toEqual([]);
    expect(unannounced).toEqual(['巡查组“第1巡查组”的人员应在一个巡查周期内保持稳定：新增名Y，减少名M1c。']);
    expect(teamChanges([adjusted, team('2', [])], approved, people)).toEqual(['巡查组“第1巡查组”：新增名Y，减少名M1c']);
  });
});

describe('team proposal check', () => {
  it('shows an adjustment\'s changes and refuses an adjustment that changes nothing', () => {
    const approved = [team('1', ['T1']), team('2', ['T2'])];
    const swapped = [{ ...team('1', ['T1']), memberIds: ['M1a', 'M1b', 'M2c'] }, { ...team('2', ['T2']), memberIds: ['M2a', 'M2b', 'M1c'] }];
    expect(checkTeamProposal(approved, people, { approved, adjustment: true }).problems).toEqual(['已申请调整巡查组，但人员组成与已批准的相同。']);
    expect(checkTeamProposal(approved, people, { approved, adjustment: false })).toEqual({ problems: [], changes: [] });
    expect(checkTeamProposal(swapped, people, { approved, adjustment: true }).changes).toHaveLength(2);
  });
});
