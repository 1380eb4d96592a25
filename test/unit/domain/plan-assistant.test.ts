import { addDays, daysBetween, WorkCalendar } from '../../../src/domain/calendar';
import { checkPlan } from '../../../src/domain/plan';
import { type AssistantInput } from '../../../src/domain/plan-model';
import { checkSchedule, planOfYear, proposeSchedule, teamsOfYear, type CycleSchedule } from '../../../src/domain/plan-solver';
import { checkTeams, type Inspector } from '../../../src/domain/teams';
import { DEMO_INSPECTORS, DEMO_UNITS, demoInput } from './plan-demo';

jest.setTimeout(120_000);

const AJJ = 'YC-M-06';
const people = (input: AssistantInput) => new Map(input.people.map((p) => [p.id, p]));
const names = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));

async function solved(input: AssistantInput): Promise<CycleSchedule> {
  const result = await proposeSchedule(input);
  if (!result.feasible) throw new Error(`expected a schedule, got: ${result.reasons.join(' ')}`);
  return result.schedule;
}

async function reasons(input: AssistantInput): Promise<string[]> {
  const result = await proposeSchedule(input);
  if (result.feasible) throw new Error('expected no schedule');
  return result.reasons;
}

const members = (t: { leaderId: string; deputyId: string; memberIds: string[]; expertIds: string[] }) => [t.leaderId, t.deputyId, ...t.memberIds, ...t.expertIds];

describe('plan assistant on the demo district', () => {
  it('inspects all 42 units once in the two years with three teams, and the plan and team checks pass each year', async () => {
    // given
    const input = demoInput();
    // when
    const schedule = await solved(input);
    // then
    const all = schedule.rounds.flatMap((r) => r.units);
    expect(all).toHaveLength(42);
    expect(new Set(all)).toEqual(new Set(DEMO_UNITS.map((u) => u.code)));
    expect(schedule.teams).toHaveLength(3);
    const first = planOfYear(schedule, 2027, '2027-01-01');
    const second = planOfYear(schedule, 2028, '2027-01-01');
    const inspectable = DEMO_UNITS.map((u) => u.code);
    expect(checkPlan(first, { inspectable, inspectedInCycle: [], unitNames: names })).toEqual([]);
    expect(checkPlan(second, { inspectable, inspectedInCycle: first.units, unitNames: names })).toEqual([]);
    expect([first.units.length, second.units.length]).toEqual([21, 21]);
    for (const year of [2027, 2028]) expect(checkTeams(teamsOfYear(schedule, year), people(input), { unitNames: names })).toEqual([]);
    expect(checkSchedule(schedule, input)).toEqual([]);
    // the team that inspects 区应急管理局 has none of its staff: its expert comes from another unit
    const ajjTeam = schedule.teams.find((t) => t.unitCodes.includes(AJJ))!;
    expect(members(ajjTeam).map((id) => people(input).get(id)!.unitCode)).not.toContain(AJJ);
    expect(ajjTeam.expertIds).toEqual(['p-expert-4']);
  });

  it('solves on its own thread: timers keep firing while the model is solved', async () => {
    // given a timer that counts its turns
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    // when
    const result = await proposeSchedule(demoInput());
    clearInterval(timer);
    // then
    expect(result.feasible).toBe(true);
    expect(turns).toBeGreaterThan(0);
  });

  it('trains on the working day before each entry, after the last report is due, and stays two weeks and ten working days on site', async () => {
    // given a calendar with a week of holidays in May and a 调休 Saturday
    const calendar = new WorkCalendar([
      ...[0, 1, 2, 3, 4].map((d) => ({ date: addDays('2027-05-03', d), kind: 'holiday' as const, name: '劳动节' })),
      { date: '2027-04-24', kind: 'workday' as const, name: '劳动节调休' },
    ]);
    const input = demoInput({ calendar, earliestTraining: '2027-04-16' });
    // when
    const schedule = await solved(input);
    // then
    let lastEnd = '';
    for (const r of schedule.rounds) {
      expect(calendar.isWorkingDay(r.training) && calendar.isWorkingDay(r.start) && calendar.isWorkingDay(r.end)).toBe(true);
      expect(r.training < r.start).toBe(true);
      expect(r.training >= '2027-04-16').toBe(true);
      if (lastEnd) expect(daysBetween(lastEnd, r.training)).toBeGreaterThan(15);
      lastEnd = r.end;
      let working = 0;
      for (let d = r.start; d <= r.end; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) working++;
      expect(working).toBeGreaterThanOrEqual(10);
      expect(daysBetween(r.start, r.end) + 1).toBeGreaterThanOrEqual(14);
    }
    // the round over the May holidays lasts longer than two calendar weeks to get its ten working days
    const may = schedule.rounds.find((r) => r.start <= '2027-05-03' && r.end >= '2027-05-07')!;
    expect(daysBetween(may.start, may.end) + 1).toBeGreaterThan(14);
    // a round cut to nine working days is refused by the schedule check
    const cut = { ...schedule, rounds: schedule.rounds.map((r, i) => (i === 0 ? { ...r, end: addDays(r.start, 10) } : r)) };
    expect(checkSchedule(cut, input).join(' ')).toMatch(/现场巡查只有\d+个工作日，不少于10个|现场巡查时间为11天/);
  });

  it('keeps the rounds inside the plan year and the cycle, and names the year that has no time left', async () => {
    // given a cycle ending in the plan year with a month left
    const late = demoInput({ year: 2028, cycle: { start: '2026-12-01', end: '2028-12-01' }, earliestTraining: '2028-10-20' });
    // when
    const blocked = await reasons(late);
    // then
    expect(blocked).toEqual(['2028年：可用时间内最多1轮、每轮每组2个单位，共6个，少于本年度应巡查的42个，需增加巡查组或提前开始。']);
    // and a feasible schedule stays inside the years
    const schedule = await solved(demoInput());
    for (const r of schedule.rounds) expect([r.start.slice(0, 4), r.end.slice(0, 4)]).toEqual([String(r.year), String(r.year)]);
  });

  it('puts the units not inspected for longest in the earliest rounds', async () => {
    // given last inspections spread over the previous cycle
    const units = DEMO_UNITS.map((u, i) => ({ ...u, lastInspected: i % 3 === 0 ? null : addDays('2025-01-01', (i * 37) % 700) }));
    const input = demoInput({ units });
    // when
    const schedule = await solved(input);
    // then: a unit inspected longer ago never waits for a later round than one inspected more recently
    const roundOf = new Map(schedule.rounds.flatMap((r, i) => r.units.map((u) => [u, i] as const)));
    const key = (u: (typeof units)[number]) => u.lastInspected ?? '';
    for (const a of units) for (const b of units) if (key(a) < key(b)) expect(roundOf.get(a.code)!).toBeLessThanOrEqual(roundOf.get(b.code)!);
    expect(schedule.rounds[0]!.units.every((c) => units.find((u) => u.code === c)!.lastInspected === null)).toBe(true);
  });

  it('keeps the teams approved earlier in the cycle', async () => {
    // given the teams of the first year's plan
    const first = await solved(demoInput());
    const approvedTeams = first.teams.map((t) => ({ ...t, unitCodes: [] }));
    const remaining = DEMO_UNITS.filter((u) => !planOfYear(first, 2027, '2027-01-01').units.includes(u.code));
    const input = demoInput({ year: 2028, units: remaining, inspectedInCycle: planOfYear(first, 2027, '2027-01-01').units, approvedTeams });
    // when
    const second = await solved(input);
    // then
    expect(second.teams.map((t) => ({ ...t, unitCodes: [] }))).toEqual(approvedTeams);
    expect(checkTeams(teamsOfYear(second, 2028), people(input), { approved: approvedTeams })).toEqual([]);
    expect(second.rounds.every((r) => r.year === 2028)).toBe(true);
  });

  it('never sends a member to a unit they are recused from', async () => {
    // given the three deputies recused from the first five 镇街 besides their home units
    const towns = DEMO_UNITS.slice(0, 5).map((u) => u.code);
    const recusals = ['p-deputy-1', 'p-deputy-2', 'p-deputy-3'].flatMap((personId) => towns.map((unitCode) => ({ personId, unitCode })));
    const input = demoInput({ recusals });
    // when
    const schedule = await solved(input);
    // then
    for (const t of schedule.teams) {
      const homes = members(t).map((id) => people(input).get(id)!.unitCode);
      expect(t.unitCodes.filter((u) => homes.includes(u))).toEqual([]);
      if (t.unitCodes.some((u) => towns.includes(u))) expect(members(t).filter((id) => id.startsWith('p-deputy-'))).toEqual([]);
    }
    expect(checkSchedule(schedule, input)).toEqual([]);
  });
});

describe('the schedule check the solver’s output passes', () => {
  it('refuses training on entry day, training before the last report is due, three units at once and a recused member', async () => {
    // given a solved schedule and a recusal it keeps
    const recusals = [{ personId: 'p-member-1', unitCode: '370404001' }];
    const input = demoInput({ recusals });
    const schedule = await solved(input);
    expect(checkSchedule(schedule, input)).toEqual([]);
    const [first, second] = schedule.rounds;
    const teamOf = (unit: string) => schedule.teams.find((t) => t.unitCodes.includes(unit))!;
    // when each rule is broken in turn
    const sameDay = { ...schedule, rounds: schedule.rounds.map((r) => (r === first ? { ...r, training: r.start } : r)) };
    const early = { ...schedule, rounds: schedule.rounds.map((r) => (r === second ? { ...r, training: first!.end } : r)) };
    const crowded = { ...schedule, teams: schedule.teams.map((t, i) => (i === 0 ? { ...t, unitCodes: [...t.unitCodes, ...first!.units] } : t)) };
    const recused = { ...schedule, teams: schedule.teams.map((t) => (t === teamOf('370404001') ? { ...t, memberIds: [...t.memberIds, 'p-member-1'] } : t)) };
    // then
    expect(checkSchedule(sameDay, input)).toContain('2027年第1轮应在进驻前的工作日组织集中培训。');
    expect(checkSchedule(early, input)).toContain(`2027年第2轮的培训应在上一轮报告期限（${addDays(first!.end, 15)}）之后。`);
    expect(checkSchedule(crowded, input).join(' ')).toMatch(/2027年第1轮巡查组“第一巡查组”同时巡查\d个单位，最多2个。/);
    expect(checkSchedule(recused, input).join(' ')).toContain('应当回避坛山街道。');
  });
});

describe('plan assistant explains why no schedule exists', () => {
  const seedExperts = DEMO_INSPECTORS.filter((p) => p.id !== 'p-expert-4');

  it('names 区应急管理局 when every expert works there', async () => {
    expect(await reasons(demoInput({ people: seedExperts }))).toEqual([
      '区应急管理局：可担任专家的人员（秦振东、许文博、何丽萍）均来自该单位或需回避，需增补一名其他单位专家。',
    ]);
  });

  it('counts the missing experts, leaders and people', async () => {
    // given one expert, two 科级 cadres and ten people
    const few: Inspector[] = [
      ...DEMO_INSPECTORS.filter((p) => ['p-leader-1', 'p-leader-2', 'p-expert-4'].includes(p.id)),
      ...DEMO_INSPECTORS.filter((p) => p.id.startsWith('p-member-')).slice(0, 7),
    ];
    // when
    const blocked = await reasons(demoInput({ people: few }));
    // then
    expect(blocked.slice(0, 4)).toEqual([
      '巡查组组长、副组长：符合条件的科级干部仅2人，组建2个巡查组需4人，需增补科级干部。',
      '安全生产专家：仅1名，2个巡查组每组至少1名，需增补1名专家。',
      '巡查人员：可选人员仅10人，2个巡查组每组至少6人，需增补2人。',
      '区委办公室：其他单位可担任组长、副组长的科级干部不足2人，需增补一名其他单位的科级干部。',
    ]);
  });

  it('names the unit whose every team would keep a recused member, from the solver', async () => {
    // given exactly two teams of six, one expert each from 区应急管理局 and 区住房和城乡建设局, and a member of
    // 区应急管理局 recused from 区住房和城乡建设局: whichever team inspects either unit would keep someone to recuse
    const zj = 'YC-M-07';
    const p = (id: string, name: string, unitCode: string, rank: string, expert = false): Inspector => ({ id, name, unitCode, rank, expert, safetyYears: 5 });
    const roster = [
      p('L1', '组长甲', 'YC-M-01', '科级'), p('L2', '组长乙', 'YC-M-02', '科级'), p('D1', '副组长甲', 'YC-M-03', '科级'), p('D2', '副组长乙', 'YC-M-04', '科级'),
      p('E1', '专家甲', AJJ, '专家', true), p('E2', '专家乙', zj, '专家', true), p('X', '王某', AJJ, '科员'),
      ...['M1', 'M2', 'M3', 'M4', 'M5'].map((id, i) => p(id, `组员${i + 1}`, `YC-M-${10 + i}`, '科员')),
    ];
    const units = DEMO_UNITS.filter((u) => [AJJ, zj, '370404001', '370404002'].includes(u.code));
    const input = demoInput({ people: roster, units, recusals: [{ personId: 'X', unitCode: zj }], rules: { ...demoInput().rules, maxTeams: 2 } });
    // when
    const blocked = await reasons(input);
    // then
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatch(/^(区应急管理局|区住房和城乡建设局)：安排给任何巡查组都有须回避该单位的人员（[^）]+），需增补其他单位人员或调整巡查组人员组成。$/);
  });

  it('names 区应急管理局 when every approved team keeps one of its staff', async () => {
    // given approved teams each with a member from 区应急管理局
    const approvedTeams = [1, 2].map((n) => ({
      name: `第${n}巡查组`, leaderId: `p-leader-${n}`, deputyId: `p-deputy-${n}`,
      memberIds: [`p-member-${n * 3 - 2}`, `p-member-${n * 3 - 1}`, `p-member-${n * 3}`], expertIds: [`p-expert-${n}`], unitCodes: [],
    }));
    // when
    const blocked = await reasons(demoInput({ approvedTeams }));
    // then
    expect(blocked).toEqual([
      '区应急管理局：本周期已批准的各巡查组中都有须回避该单位的人员（第1巡查组的刘洪涛、秦振东；第2巡查组的许文博），需调整一个巡查组的人员并重新报区安委会审批。',
    ]);
  });
});
