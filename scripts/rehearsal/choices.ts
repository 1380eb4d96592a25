// What each person decides on each form, and when they get to it. Ordinary days: on time, approve, accept.
// The scenario's inspections: a report returned once, a report sent after its due date, an extension granted,
// a department refusing a handover, a complaint found true, an obstruction reported to the committee, a unit
// silent until the escalation ladder is exhausted and the committee refers it for accountability; in the full run
// also a 专项巡查 the office starts, a 延伸巡查 recorded on site, a listing the committee declines and a failed
// acceptance.
import { addDays, chinaDay } from './calendar';
import { type UserTask } from './engine-api';
import { type Values } from './form-filler';
import { type Scenario } from './scenario';

export interface Decision {
  /** false: not today (the person gets to it later). */
  act: boolean;
  choices: Values;
}

export interface TaskContext {
  formId: string;
  task: UserTask;
  data: Values;
  today: string;
  scenario: Scenario;
  inspectionId: string | null;
  variable(name: string): Promise<unknown>;
}

/** The day itself when it is a Monday, else the next Monday. */
const mondayOnOrAfter = (day: string): string => addDays(day, (8 - new Date(`${day}T00:00:00Z`).getUTCDay()) % 7);
const dueDay = (task: UserTask) => (task.dueDate ? chinaDay(task.dueDate) : null);
const now = (choices: Values): Decision => ({ act: true, choices });

export async function decide(c: TaskContext): Promise<Decision> {
  const { formId, today, scenario, inspectionId } = c;
  switch (formId) {
    case 'onsite-close': {
      const minEnd = await c.variable('onsiteMinEnd');
      const earliest = typeof minEnd === 'string' ? chinaDay(minEnd) : today;
      return { act: today >= earliest, choices: { onsiteEnd: `${today}T17:00` } };
    }
    case 'inspection-report-draft': {
      const due = dueDay(c.task);
      if (scenario.plays(inspectionId, 'late-report') && due && today <= due) return { act: false, choices: {} };
      if (scenario.plays(inspectionId, 'late-report')) scenario.play('late report');
      return now({
        reportSummary: '巡查组按照年度巡查工作方案开展现场巡查，听取汇报、查阅资料、个别谈话并抽查企业，形成本报告。',
        problems: [
          { category: 'C3', severity: '一般', industry: '工贸', description: '部分企业安全生产责任制落实不到位，隐患排查台账记录不全。', enterpriseName: '', legalBasis: '《安全生产法》第二十一条', evidenceRefs: [] },
          // a problem for the housing authority (a handover) in the inspections that play a part
          ...(inspectionId && scenario.partsOf(inspectionId).size ? [{ category: 'C5', severity: '一般', industry: '房屋市政', description: '辖区在建工地深基坑监测不到位，行业监管存在漏洞。', enterpriseName: '', legalBasis: '', evidenceRefs: [] }] : []),
        ],
      });
    }
    case 'inspection-report-approval':
      if (scenario.plays(inspectionId, 'returned-report') && !scenario.returned.has(inspectionId!)) {
        scenario.returned.add(inspectionId!);
        scenario.play('returned report');
        return now({ reportDecision: 'return', reportOpinion: '问题原因分析不够深入，请补充完善后重新报送。' });
      }
      return now({ reportDecision: 'approve', reportOpinion: '同意。' });
    case 'disposal-confirmation': {
      const suggested = String(c.data.suggestedRoute ?? (await c.variable('suggestedRoute')) ?? 'rectify');
      const department = String(c.data.suggestedDepartment ?? (await c.variable('suggestedDepartment')) ?? '');
      return now({ route: suggested, ...(department ? { departmentCode: department } : {}) });
    }
    case 'complaint-verification':
      scenario.play('complaint found true');
      return now({ complaintFinding: 'confirmed', complaintNotes: '经核查，反映的问题属实，已列入问题清单。', problemCategory: 'C4', problemSeverity: '一般', problemIndustry: '消防', problemDescription: '反映的企业消防通道堵塞、应急照明损坏问题属实。' });
    case 'obstruction-assessment':
      scenario.play('obstruction');
      return now({ obstructionType: 'refusal', obstructionAction: 'report', obstructionFacts: '被巡查单位拒绝提供隐患排查治理台账，经多次催要仍未提供。' });
    case 'listing-decision':
      if (scenario.plays(inspectionId, 'declined-listing')) {
        scenario.play('declined listing');
        return now({ listingDecision: 'decline', listingOpinion: '经研究，该隐患可由被巡查单位限期整改，不予挂牌督办。' });
      }
      return now({
        listingDecision: 'list', listingOpinion: '同意挂牌督办。', hazardName: '重大事故隐患（演练）', responsiblePerson: '企业主要负责人',
        measures: '立即停止相关作业，制定整改方案，落实资金和人员，限期完成整改。', funds: 50, rectifyDeadline: addDays(today, 45),
        emergencyPlan: '制定专项应急预案，设置警戒区域，安排专人值守。', caseLeader: '区应急管理局局长', stopProduction: true,
      });
    case 'hazard-extension-review': {
      const due = await c.variable('rectifyDue');
      const base = typeof due === 'string' ? chinaDay(due) : today;
      scenario.play('major hazard with an extension');
      return now({ extensionDecision: 'grant', newRectifyDeadline: addDays(base, 30), extensionOpinion: '同意延期三十日。' });
    }
    case 'hazard-acceptance': {
      // the full run's first acceptance fails; the unit completes the work and asks again
      const hazardId = String(await c.variable('hazardId') ?? '');
      if (scenario.full && !scenario.played.has('failed acceptance') && hazardId) {
        scenario.play('failed acceptance');
        scenario.failedAcceptance.set(hazardId, today);
        return now({ acceptanceResult: 'failed', acceptanceExperts: '秦振东、许文博', fundsSpent: 30, acceptanceFindings: '可燃气体报警装置尚未全部更换，现场复查不合格，继续整改。' });
      }
      return now({ acceptanceResult: 'passed', acceptanceExperts: '秦振东、许文博', fundsSpent: 48, acceptanceFindings: '整改措施全部落实，现场复查合格。' });
    }
    case 'hazard-delisting':
      return now({ spotChecked: true, delistDecision: 'delist', delistOpinion: '同意销号。' });
    case 'handover-receipt': {
      // the first handover is returned by its department (the office names another), the others signed
      const handover = `${String(await c.variable('handoverId'))}:${String(await c.variable('departmentCode'))}`;
      const refuse = scenario.refusedHandover === null || scenario.refusedHandover === handover;
      if (refuse) scenario.refusedHandover = handover;
      return now(refuse
        ? { receiptDecision: 'refuse', refusalReason: '该事项不属于本部门法定职责，应由行业主管部门办理。', receiptSigner: '李明' }
        : { receiptDecision: 'accept', receiptSigner: '王建国' });
    }
    case 'handover-result': {
      // the result a week after the department signed
      const since = c.task.creationDate ? chinaDay(c.task.creationDate) : today;
      return { act: today >= addDays(since, 7), choices: { resultText: '已立案调查，依法责令整改并处罚款。', resultMeasures: '下达责令限期整改指令书和行政处罚决定书。', resultEvidence: [] } };
    }
    case 'handover-reassign': {
      const from = String(c.data.departmentCode ?? '');
      scenario.play('refused handover');
      return now({ newDepartmentCode: from === 'YC-M-06' ? 'YC-M-07' : 'YC-M-06', reassignReason: '按职责重新确定承办部门。' });
    }
    case 'escalation-decision':
      scenario.play('exhausted ladder');
      return now({ escalationDecision: 'refer', escalationOpinion: '整改严重滞后，移送问责。' });
    case 'referral-result':
      return now({ referralOutcome: 'accountable', referralResult: '已对相关责任人给予诫勉谈话。' });
    case 'rectification-review':
      return now({ reviewDecision: 'accept', reviewOpinion: '整改到位，同意。' });
    case 'talk-follow-up-review':
      return now({ followUpDecision: 'accept', followUpOpinion: '同意。' });
    case 'missing-progress-decision':
      return now({ missingProgressDecision: 'remind', missingProgressOpinion: '督促按月报告进展。' });
    case 'handover-follow-up':
      return now({ handoverFollowUp: 'wait', handoverFollowUpOpinion: '继续督促。' });
    case 'special-inspection-plan': {
      // a 专项巡查 of two units (one for each team), entering on the first Monday three weeks on, on site 19 days
      const units = ((c.data.unitOptions as Array<{ value: string }> | undefined) ?? []).slice(0, 2).map((o) => o.value);
      const start = mondayOnOrAfter(addDays(today, 21));
      scenario.play('special inspection started by the office');
      return now({ plan: {
        inspectionKind: 'special', year: Number(start.slice(0, 4)), cycleStart: scenario.cycleStart, planTitle: `峄城区${start.slice(0, 4)}年城镇燃气安全专项巡查`,
        planTheme: '聚焦城镇燃气安全，检查燃气经营和使用单位隐患排查整治、应急处置能力建设情况。',
        units, rounds: [{ no: 1, start, end: addDays(start, 18), units }],
      } });
    }
    case 'extended-inspection':
      scenario.play('extended inspection on site');
      return now({ extendedProblems: [{ category: 'C3', severity: '一般', industry: '工贸', description: '延伸巡查的重点企业应急演练记录缺失，从业人员安全培训不到位。', enterpriseName: '', legalBasis: '', evidenceRefs: [] }] });
    case 'annual-plan-approval':
    case 'special-inspection-approval':
      return now({ planDecision: 'approve', approvalOpinion: '同意。' });
    case 'team-approval':
      return now({ teamDecision: 'approve', teamOpinion: '同意。' });
    case 'round-team-check':
      return now({ teamAdjustment: 'none' });
    case 'onsite-work':
      return now({ methods: ['report', 'meeting', 'documents', 'interview'], extendToEnterprises: 'no', talkNeeded: 'no', problems: [{ category: 'C3', severity: '一般', industry: '工贸', description: '部分企业安全生产责任制落实不到位，隐患排查台账记录不全。', enterpriseName: '', legalBasis: '', evidenceRefs: [] }] });
    case 'feedback-meeting':
      return now({ feedbackDate: `${today}T10:00`, headAttended: true, receiptSigned: true });
    case 'entry-meeting':
      return now({ entryMeetingAt: `${today}T09:00`, onsiteStart: today, complaintPhone: '0632-7711234' });
    case 'talk-minutes':
      return now({ talkHeldAt: `${today}T10:00`, followUpDate: addDays(today, 14) });
    case 'city-feedback':
      return now({ cityFeedbackDate: today, unitCode: '370404001', category: 'C3', severity: '一般', industry: '工贸', description: '市级巡查发现个别企业隐患整改不彻底。' });
    case 'city-rectification-report':
      return now({ cityReportNo: `峄安办字〔${today.slice(0, 4)}〕${Number(c.task.userTaskKey.slice(-3)) + 1}号` });
    case 'city-liaison-plan':
      return now({ cityOnsiteStart: today, cityOnsiteEnd: addDays(today, 10), liaisonPhone: '0632-7711234' });
    default:
      return now({});
  }
}
