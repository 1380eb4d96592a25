import { inspectionScoreInput, scoreUnit } from '../../../src/domain/assessment';
import { OFFICIAL_CALENDAR } from '../../../src/domain/calendar';
import { disposalOf } from '../../../src/domain/disposal';
import { extensionRefusal, listingRecord, publicationDue } from '../../../src/domain/listing';
import { homeUnits, noticeDue, teamLeads } from '../../../src/domain/notification';
import { inspectionNo } from '../../../src/domain/numbering';
import { talkFollowUpDue } from '../../../src/domain/talks';

const cal = OFFICIAL_CALENDAR;

describe('who disposes of a problem', () => {
  const units = { industryDepartment: 'YC-M-07', accountabilityOffice: 'YC-D-01', unitCode: '370404103' };

  it('gives a handover or listing to the industry department, accountability to the organisation department, rectification to the unit', () => {
    expect(disposalOf('handover', units)).toEqual({ route: 'handover', departmentCode: 'YC-M-07' });
    expect(disposalOf('listing', units)).toEqual({ route: 'listing', departmentCode: 'YC-M-07' });
    expect(disposalOf('accountability', units)).toEqual({ route: 'accountability', departmentCode: 'YC-D-01' });
    expect(disposalOf('rectify', units)).toEqual({ route: 'rectify', departmentCode: '370404103' });
  });

  it('has the unit rectify a handover no department is responsible for; a listing keeps its route', () => {
    const none = { ...units, industryDepartment: null };
    expect(disposalOf('handover', none)).toEqual({ route: 'rectify', departmentCode: '370404103' });
    expect(disposalOf('listing', none)).toEqual({ route: 'listing', departmentCode: null });
  });
});

describe('extension of a listed hazard', () => {
  const request = { granted: true, opinion: null, requestedDue: '2027-03-31', rectifyDue: '2026-12-31T23:59:59+08:00', listedAt: '2026-06-01T10:00:00+08:00', today: '2026-11-02' };

  it('is granted when asked 20 working days ahead, later than the deadline and within a year of the listing', () => {
    expect(extensionRefusal(cal, request)).toBeNull();
  });

  it('names the reason of a refusal: the committee, too late, not later, beyond one year', () => {
    expect(extensionRefusal(cal, { ...request, granted: false, opinion: ' 整改措施未落实 ' })).toBe('区安委会不同意延期：整改措施未落实');
    expect(extensionRefusal(cal, { ...request, granted: false })).toBe('区安委会不同意延期。');
    expect(extensionRefusal(cal, { ...request, today: '2026-12-10' })).toBe('延期申请应在整改期限（2026-12-31）前20个工作日以上提出。');
    expect(extensionRefusal(cal, { ...request, requestedDue: '2026-12-20' })).toBe('申请的新期限应晚于原整改期限。');
    expect(extensionRefusal(cal, { ...request, requestedDue: '2027-06-02' })).toBe('挂牌督办整改期限最长不超过一年（2027-06-01）。');
  });

  it('is published within 5 working days', () => {
    expect(publicationDue(cal, '2026-03-02')).toBe('2026-03-09');
  });
});

describe('follow-up of a 约谈', () => {
  it('is due on the agreed date, else 5 working days after the talk as held, as scheduled, or today', () => {
    const now = '2026-03-02T10:00:00+08:00';
    expect(talkFollowUpDue(cal, { followUpDate: '2026-03-20', heldAt: '2026-03-05T09:00:00+08:00', now })).toBe('2026-03-20T23:59:59+08:00');
    expect(talkFollowUpDue(cal, { heldAt: '2026-03-05T09:00:00+08:00', scheduledAt: '2026-03-04T09:00:00+08:00', now })).toBe('2026-03-12T23:59:59+08:00');
    expect(talkFollowUpDue(cal, { heldAt: null, scheduledAt: '2026-03-04T09:00:00+08:00', now })).toBe('2026-03-11T23:59:59+08:00');
    expect(talkFollowUpDue(cal, { now, workingDays: 1 })).toBe('2026-03-03T23:59:59+08:00');
  });
});

describe('what an inspection is scored on', () => {
  it('counts the whole inspection\'s escalations like a problem\'s and an unreviewed rectification as accepted', () => {
    const input = inspectionScoreInput([{ severity: '一般', escalationLevel: 1 }], 2, null);
    expect(input).toEqual({ problems: [{ severity: '一般', escalationLevel: 1 }, { severity: '', escalationLevel: 2 }], rectificationAccepted: true });
    expect(scoreUnit(input).score).toBe(92);
    expect(scoreUnit(inspectionScoreInput([], 0, false)).score).toBe(90);
  });
});

describe('巡查编号', () => {
  it('numbers the inspections of a year with three digits', () => {
    expect([inspectionNo(2026, 7), inspectionNo(2027, 123)]).toEqual(['XC-2026-007', 'XC-2027-123']);
  });
});

describe('who of a team is told, and which deadline a notice names', () => {
  const team = [{ personId: 'L', role: 'leader', unitCode: 'U1' }, { personId: 'D', role: 'deputy', unitCode: 'U2' },
    { personId: 'M', role: 'member', unitCode: 'U1' }, { personId: 'E', role: 'expert', unitCode: 'U3' }];

  it('tells the leader\'s notices to the 组长 and 副组长, and the release from work to each home unit once', () => {
    expect(teamLeads(team).map((m) => m.personId)).toEqual(['L', 'D']);
    expect(homeUnits(team)).toEqual(['U1', 'U2', 'U3']);
  });

  it('names the deadline the diagram gives, else that of the most specific subject', () => {
    const all = { handoverResult: 'H', hazardRectification: 'Z', inspectionRectification: 'R', inspectionReport: 'P' };
    expect(noticeDue({ given: 'G', ...all })).toBe('G');
    expect(noticeDue({ given: null, ...all })).toBe('H');
    expect(noticeDue({ hazardRectification: 'Z', inspectionRectification: 'R', inspectionReport: 'P' })).toBe('Z');
    expect(noticeDue({ inspectionRectification: null, inspectionReport: 'P' })).toBe('P');
    expect(noticeDue({})).toBeUndefined();
  });
});

describe('a listed hazard in the register', () => {
  const problem = { id: 'Q-1', description: '液氨储罐区未设置泄漏报警装置', unit_code: '370404103', enterprise_code: 'YC-E-01', industry: '涉氨制冷',
    legal_basis: '工贸令10号 第十三条', due: '2026-12-31' };

  it('keeps the 五落实 as decided, with the case leader and a stop of production in words', () => {
    expect(listingRecord({ name: '液氨泄漏报警缺失', responsiblePerson: '张某（总经理）', caseLeader: '李某', measures: '加装报警装置', funds: 12.5,
      deadline: '2027-03-31T23:59:59+08:00', emergencyPlan: '液氨泄漏专项预案', stopProduction: true }, problem)).toEqual({
      name: '液氨泄漏报警缺失', unit_code: '370404103', problem_id: 'Q-1', enterprise_code: 'YC-E-01', industry: '涉氨制冷', standard_ref: '工贸令10号 第十三条',
      responsible: '张某（总经理）；包案领导：李某', measures: '加装报警装置；整改期间停产停业', funds: '12.5万元',
      rectify_due: '2027-03-31T23:59:59+08:00', emergency_plan: '液氨泄漏专项预案',
    });
  });

  it('takes name, unit and deadline from the problem when the decision leaves them, and needs a name and a unit', () => {
    expect(listingRecord({}, problem)).toMatchObject({ name: '液氨储罐区未设置泄漏报警装置', unit_code: '370404103', rectify_due: '2026-12-31T23:59:59+08:00',
      responsible: null, measures: null, funds: null });
    expect(listingRecord({ name: '无单位' }, undefined)).toBeUndefined();
  });
});
