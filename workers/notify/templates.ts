/**
 * Chinese message templates, one per template name of JOB-TYPES.md. Each gets what the job knows (unit,
 * inspection, problem, hazard, department, due date) and returns subject and body. `urgent` ones also go by SMS.
 */
export interface MessageContext {
  unitName: string;
  teamName?: string;
  period?: string;
  due?: string; // already formatted: 2026年10月8日
  problem?: string;
  hazard?: string;
  listingNo?: string;
  departmentName?: string;
  handoverNo?: string;
  talkAt?: string;
  reason?: string;
  step?: string;
  units?: string;
  problems?: string;
  link?: string;
  /** A document the message is about: its 文号 and title. */
  documentNo?: string;
  documentTitle?: string;
}

interface Template {
  subject: (c: MessageContext) => string;
  body: (c: MessageContext) => string;
  urgent?: boolean;
}

const dueLine = (c: MessageContext, what: string) => (c.due ? `${what}截止日期为${c.due}。` : '');
const or = (v: string | undefined, fallback: string) => v ?? fallback;

export const TEMPLATES: Record<string, Template> = {
  'advance-notice': {
    subject: (c) => `【提前告知】${c.unitName}将接受区安全生产巡查`,
    body: (c) => `${c.unitName}：根据年度巡查工作方案，区安委会巡查组将于${or(c.period, '近期')}对你单位开展安全生产巡查，请提前做好自查报告、责任清单、会议纪要和工作台账等材料准备。`,
  },
  'team-notice': {
    subject: (c) => `【巡查组通知】${or(c.teamName, '巡查组')}人员组成及脱钩安排`,
    body: (c) => `经区安委会研究，${or(c.teamName, '巡查组')}人员组成已确定。巡查期间（${or(c.period, '见方案')}）组成人员与原单位工作脱钩，请各派出单位予以支持。`,
  },
  'training-notice': {
    subject: () => '【集中培训】安全生产巡查业务培训通知',
    body: (c) => `请${or(c.teamName, '各巡查组')}全体人员按时参加巡查前集中培训，学习巡查工作制度、巡查方法和工作纪律。${dueLine(c, '报到')}`,
  },
  'entry-notice': {
    subject: (c) => `【进驻通知】${or(c.teamName, '巡查组')}进驻${c.unitName}`,
    body: (c) => `${c.unitName}：${or(c.teamName, '区安委会巡查组')}将于${or(c.period, '近日')}进驻你单位开展安全生产巡查，通报巡查工作任务。巡查期间设立举报电话和邮箱，受理来信来电。请主要负责人参加进驻见面会。`,
  },
  'report-reminder': {
    subject: (c) => `【提醒】${c.unitName}巡查工作报告即将到期`,
    body: (c) => `${or(c.teamName, '巡查组')}对${c.unitName}的巡查工作报告应在现场巡查结束后15日内报区安委会。${dueLine(c, '报告')}`,
  },
  'report-overdue': {
    subject: (c) => `【逾期】${c.unitName}巡查工作报告已逾期`,
    body: (c) => `${or(c.teamName, '巡查组')}对${c.unitName}的巡查工作报告已超过规定期限仍未报送，请立即报送并说明原因。${dueLine(c, '原定')}`,
    urgent: true,
  },
  feedback: {
    subject: (c) => `【集中反馈】区安委会巡查组向${c.unitName}反馈巡查意见`,
    body: (c) => `${c.unitName}：巡查工作报告已经区安委会审定，现向你单位主要负责人集中反馈巡查发现的问题${c.problems ? `：${c.problems}` : ''}。请在收到反馈意见后2个月内报送整改情况和调查处理报告。${dueLine(c, '整改报告')}`,
  },
  handover: {
    subject: (c) => `【问题移交】${c.unitName}问题移交${or(c.departmentName, '承办部门')}${c.handoverNo ? `（${c.handoverNo}）` : ''}`,
    body: (c) => `${or(c.departmentName, '承办部门')}：巡查中发现${c.unitName}存在以下问题，依据职责分工移交你单位调查处理：${or(c.problem, '见移交清单')}。请签收并按期反馈处理结果。${dueLine(c, '反馈处理结果')}`,
  },
  'handover-overdue': {
    subject: (c) => `【逾期】移交问题处理结果未按期反馈${c.handoverNo ? `（${c.handoverNo}）` : ''}`,
    body: (c) => `${or(c.departmentName, '承办部门')}：移交你单位的问题（${or(c.problem, '见移交函')}）处理结果已逾期未反馈，请立即反馈。${dueLine(c, '原定')}`,
    urgent: true,
  },
  listing: {
    subject: (c) => `【挂牌督办】${or(c.hazard, '重大事故隐患')}${c.listingNo ? `（${c.listingNo}）` : ''}`,
    body: (c) => `区安委会对${c.unitName}的重大事故隐患“${or(c.hazard, '')}”实行挂牌督办。请按照责任、措施、资金、时限、预案“五落实”要求限期整改，每月报送整改进展。${dueLine(c, '整改')}`,
    urgent: true,
  },
  'listing-progress-due': {
    subject: (c) => `【提醒】请报送挂牌督办隐患整改进展：${or(c.hazard, '')}`,
    body: (c) => `${c.unitName}：挂牌督办隐患“${or(c.hazard, '')}”本月整改进展应于月底前报送区安委办。${dueLine(c, '本次报送')}`,
  },
  'acceptance-under-way': {
    subject: (c) => `【答复】挂牌督办隐患验收销号正在办理：${or(c.hazard, '')}`,
    body: (c) => `${c.unitName}：挂牌督办隐患“${or(c.hazard, '')}”${c.listingNo ? `（${c.listingNo}）` : ''}的验收销号正在办理，再次提交的验收申请已登记${c.reason ? `（自评情况：${c.reason}）` : ''}，无需重复申请，验收和销号结果将另行通知。`,
  },
  talk: {
    subject: (c) => `【约谈通知】区安委会约谈${c.unitName}负责人`,
    body: (c) => `${c.unitName}：因${or(c.reason, '安全生产工作存在突出问题')}，区安委会定于${or(c.talkAt, '近日')}约谈你单位主要负责人，请按时参加，并准备情况说明和整改措施。`,
    urgent: true,
  },
  'rectification-reminder': {
    subject: (c) => `【提醒】${c.unitName}整改期限临近`,
    body: (c) => `${c.unitName}：巡查反馈问题的整改和调查处理报告即将到期，请抓紧整改并按时报送。${dueLine(c, '整改报告')}`,
  },
  'rectification-overdue': {
    subject: (c) => `【逾期】${c.unitName}整改报告已逾期`,
    body: (c) => `${c.unitName}：巡查反馈问题整改报告已超过2个月期限仍未报送，区安委办将按规定催办督办。${dueLine(c, '原定')}`,
    urgent: true,
  },
  escalation: {
    subject: (c) => `【${or(c.step, '督办')}】${c.unitName}问题整改逾期升级处理`,
    body: (c) => `${c.unitName}：问题“${or(c.problem, '')}”整改逾期，现升级为${or(c.step, '督办')}。请立即落实整改并报告。`,
    urgent: true,
  },
  'decision-due': {
    subject: (c) => `【待区安委会决定】${or(c.reason, '待决定事项')}`,
    body: (c) => `区安委会有一项待决定的事项：${or(c.reason, '待决定事项')}${c.unitName ? `（${c.unitName}）` : ''}。${dueLine(c, '办理')}请在任务中审阅后作出决定。`,
  },
  'results-copy': {
    subject: (c) => `【抄送】${c.unitName}安全生产巡查结果`,
    body: (c) => `现将对${c.unitName}的安全生产巡查结果抄送你单位，作为领导班子和领导干部考核、奖惩和使用的参考。`,
  },
  'compliance-report': {
    subject: (c) => `【季度报告】${or(c.period, '本季度')}安全生产巡查条款落实情况`,
    body: (c) => `区安委会：区安委办已形成${c.documentTitle ? `《${c.documentTitle}》` : '条款落实情况季度报告'}${c.documentNo ? `（${c.documentNo}）` : ''}，附各条款落实情况统计图，请在“台账—公文”中查阅。`,
  },
  'coverage-warning': {
    subject: () => '【预警】本巡查周期尚有单位未安排巡查',
    body: (c) => `按照“每两年全部巡查一遍”的要求，以下单位在本周期内尚未巡查：${or(c.units, '')}。请在年度方案中予以安排。`,
  },
  'followup-sample': {
    subject: () => '【回头看】本月随机抽查单位',
    body: (c) => `本月“回头看”随机抽取的单位为：${or(c.units, '')}。请于本月15日前完成整改情况复查。`,
  },
  'plan-returned': {
    subject: () => '【退回】年度巡查工作方案需修改',
    body: (c) => `年度巡查工作方案未通过审查，请修改后重新报送。${c.problems ? `原因：${c.problems}` : ''}`,
  },
  'report-returned': {
    subject: (c) => `【退回】${c.unitName}巡查工作报告需修改`,
    body: (c) => `区安委会审定时退回了对${c.unitName}的巡查工作报告，请根据审定意见修改后重新报送。${c.reason ? `意见：${c.reason}` : ''}`,
  },
  'rectification-returned': {
    subject: (c) => `【退回】${c.unitName}整改报告未通过审核`,
    body: (c) => `${c.unitName}：你单位报送的整改情况报告未通过区安委会审核，请继续整改后重新报送。${c.reason ? `审核意见：${c.reason}` : ''}${dueLine(c, '重新报送')}`,
  },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES);

export function render(template: string, c: MessageContext): { subject: string; body: string; urgent: boolean } {
  const t = TEMPLATES[template];
  if (!t) throw new Error(`unknown notification template: ${template}`);
  const link = c.link ? `\n\n办理入口：${c.link}` : '';
  return { subject: t.subject(c), body: `${t.body(c)}${link}\n\n峄城区安全生产委员会办公室`, urgent: t.urgent === true };
}

/** 2026-10-08T23:59:59+08:00 → 2026年10月8日 (the date in China). */
export function chineseDate(value: string): string {
  const t = Date.parse(/T/.test(value) ? value : `${value}T00:00:00+08:00`);
  if (Number.isNaN(t)) return value;
  const d = new Date(t + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
