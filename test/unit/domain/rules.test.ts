import { coverageGaps, runningCycle } from '../../../src/domain/coverage';
import { LadderExhausted, nextEscalation, trafficLight } from '../../../src/domain/escalation';
import { formatDocNo, numberingGaps, parseDocNo } from '../../../src/domain/numbering';
import { checkPlan, type PlanProposal } from '../../../src/domain/plan';
import { classify } from '../../../src/domain/problems';
import { drawSample } from '../../../src/domain/sampling';

describe('escalation ladder', () => {
  it('climbs 催办 → 督办函 → 约谈 → 通报 → 挂牌 → 问责 and stops after 问责', () => {
    // when
    const steps = [0, 1, 2, 3, 4, 5].map(nextEscalation);
    // then
    expect(steps.map((s) => s.step)).toEqual(['催办', '督办函', '约谈', '通报', '挂牌', '问责']);
    expect(steps.map((s) => s.color)).toEqual(['yellow', 'red', 'red', 'red', 'red', 'red']);
    expect(steps.map((s) => s.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => nextEscalation(6)).toThrow(LadderExhausted);
  });

  it('lights green, yellow within 3 days and red when overdue', () => {
    // given
    const due = new Date('2026-10-08T15:59:59Z');
    // when / then
    expect(trafficLight(new Date('2026-10-01T00:00:00Z'), due)).toBe('green');
    expect(trafficLight(new Date('2026-10-06T00:00:00Z'), due)).toBe('yellow');
    expect(trafficLight(new Date('2026-10-08T16:00:00Z'), due)).toBe('red');
  });
});

describe('document numbers', () => {
  it('formats and parses 文号 and finds gaps', () => {
    // when / then
    expect(formatDocNo('峄安委办', 2026, 3)).toBe('峄安委办〔2026〕3号');
    expect(parseDocNo('峄安委〔2026〕12号')).toEqual({ prefix: '峄安委', year: 2026, seq: 12 });
    expect(parseDocNo('峄安委〔2026〕012号')).toBeUndefined();
    expect(numberingGaps([1, 2, 4, 6])).toEqual([3, 5]);
    expect(() => formatDocNo('峄安委办', 2026, 0)).toThrow('sequence must be a whole number');
  });
});

describe('follow-up sampling', () => {
  it('draws three distinct units reproducibly from the recorded seed', () => {
    // given
    const candidates = ['370404001', '370404002', '370404100', '370404101', '370404102', '370404103', '370404104'];
    // when
    const a = drawSample('2026-11', 'seed-2026-11-a', candidates);
    const again = drawSample('2026-11', 'seed-2026-11-a', [...candidates].reverse());
    const other = drawSample('2026-11', 'seed-2026-11-b', candidates);
    // then
    expect(a.units).toHaveLength(3);
    expect(new Set(a.units).size).toBe(3);
    expect(again).toEqual(a);
    expect(other.units).not.toEqual(a.units);
    expect(drawSample('2026-11', 's', ['x', 'y']).units.sort()).toEqual(['x', 'y']);
    expect(() => drawSample('2026-13', 's', candidates)).toThrow('month must be YYYY-MM');
  });
});

describe('coverage over the 2-year cycle', () => {
  it('lists units not inspected in the running cycle', () => {
    // given a cycle series starting 2025-01-01
    const inspections = [
      { unitCode: 'A', openedAt: '2024-12-31T10:00:00+08:00' },
      { unitCode: 'B', openedAt: '2026-03-02T09:00:00+08:00' },
      { unitCode: 'C', openedAt: '2027-01-04T09:00:00+08:00' },
    ];
    // when
    const in2026 = coverageGaps(['A', 'B', 'C'], inspections, '2026-06-01', '2025-01-01');
    const in2027 = coverageGaps(['A', 'B', 'C'], inspections, '2027-06-01', '2025-01-01');
    // then
    expect(in2026).toEqual({ cycle: { start: '2025-01-01', end: '2027-01-01' }, gaps: ['A', 'C'] });
    expect(in2027.gaps).toEqual(['A', 'B']);
    expect(runningCycle('2025-01-01', '2029-01-01')).toEqual({ start: '2029-01-01', end: '2031-01-01' });
  });
});

describe('annual plan check', () => {
  const base: PlanProposal = {
    year: 2026, cycleStart: '2025-01-01', units: ['A', 'B'],
    rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-15', units: ['A'] }, { no: 2, start: '2026-04-01', end: '2026-04-20', units: ['B'] }],
  };

  it('accepts a plan that completes the cycle with two-week rounds', () => {
    // when
    const problems = checkPlan(base, { inspectable: ['A', 'B', 'C'], inspectedInCycle: ['C'] });
    // then
    expect(problems).toEqual([]);
  });

  it('gives every reason when rounds are short, units repeat and the cycle stays incomplete', () => {
    // given
    const plan: PlanProposal = {
      ...base,
      rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-10', units: ['A'] }, { no: 2, start: '2026-03-05', end: '2026-03-30', units: ['A', 'B'] }],
    };
    // when
    const problems = checkPlan(plan, { inspectable: ['A', 'B', 'C', 'D'], inspectedInCycle: ['C'], unitNames: new Map([['D', '底阁镇'], ['A', '坛山街道']]) });
    // then
    expect(problems).toEqual([
      '第1轮现场巡查时间为9天，原则上不少于14天（两周）。',
      '第2轮应在上一轮结束（2026-03-10）后开始。',
      '坛山街道被安排在第1轮和第2轮，每个单位只巡查一次。',
      '本巡查周期（2025-01-01起2年）结束前仍有1个单位未安排巡查：底阁镇。',
    ]);
  });
});

describe('default disposal', () => {
  it('lists 重大, refers accountability, hands over industry matters and otherwise rectifies', () => {
    // when / then
    expect(classify({ category: 'C5', severity: '重大', industry: '涉氨制冷' })).toBe('listing');
    expect(classify({ category: 'C3', severity: '较大' })).toBe('accountability');
    expect(classify({ category: 'C5', severity: '一般', industry: '城镇燃气' })).toBe('handover');
    expect(classify({ category: 'C4', severity: '一般' })).toBe('rectify');
  });
});
