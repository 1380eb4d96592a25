import { type Principal, type Role } from '../auth/roles';
import { type FormComponent } from '../forms/validate';

/**
 * Events the web app reports to running processes as Camunda messages (workers/JOB-TYPES.md, "Messages"), with
 * who may report them, what they are about (the correlation key) and the fields they carry. The fields are
 * Camunda Form components, so the server validates them with the same rules as task forms.
 */
export type SubjectKind = 'inspection' | 'hazard' | 'year';

export interface EventKind {
  message: string;
  label: string;
  description: string;
  roles: Role[];
  subject: SubjectKind;
  fields: FormComponent[];
  /** Instead of a message: start this process (correlation subject and values become its variables). */
  startsProcess?: string;
  /** The message variables from the validated values. */
  variables(values: Record<string, unknown>, user: Principal, at: string): Record<string, unknown>;
}

const text = (key: string, label: string, required = false, maxLength = 500): FormComponent => ({ type: 'textfield', key, label, validate: { required, maxLength } });
const area = (key: string, label: string, required = true, minLength = 0): FormComponent => ({ type: 'textarea', key, label, validate: { required, minLength, maxLength: 5000 } });
const choice = (key: string, label: string, options: string[]): FormComponent => ({ type: 'select', key, label, values: options.map((o) => ({ value: o, label: o })), validate: { required: true } });

export const EVENTS: EventKind[] = [
  {
    message: 'annual-plan', label: '启动年度巡查', description: '区安委办启动本年度巡查：起草年度巡查工作方案，报区安委会审批。',
    roles: ['office'], subject: 'year', startsProcess: 'annual-plan',
    fields: [text('note', '说明', false, 200)],
    variables: (v, u, at) => ({ startedBy: u.username, startedAt: at, startNote: v.note ?? null }),
  },
  {
    message: 'special-inspection', label: '启动不定期或专项巡查', description: '区安委办安排不定期巡查或专项巡查：确定专题、对象和日期，报区安委会审批后组建巡查组开展巡查。',
    roles: ['office'], subject: 'year', startsProcess: 'special-inspection',
    fields: [text('note', '说明', false, 200)],
    variables: (v, u, at) => ({ startedBy: u.username, startedAt: at, startNote: v.note ?? null }),
  },
  {
    message: 'complaint-received', label: '登记来信来电', description: '巡查期间收到反映被巡查单位问题的来信、来电，登记后进入核查。',
    roles: ['office', 'team-leader', 'team'], subject: 'inspection',
    fields: [choice('channel', '来源', ['来信', '来电', '电子邮件', '当面反映']), text('complainant', '反映人（可匿名）'), area('content', '反映内容', true, 5)],
    variables: (v, u, at) => ({ complaint: { channel: v.channel, complainant: v.complainant ?? null, content: v.content, receivedBy: u.username, receivedAt: at } }),
  },
  {
    message: 'obstruction-reported', label: '报告阻挠瞒报', description: '被巡查单位有隐瞒不报、拒绝提供材料、干扰巡查等情形。',
    roles: ['team-leader', 'team'], subject: 'inspection',
    fields: [choice('behaviour', '情形', ['隐瞒不报、谎报', '拒绝或者不按照要求提供有关文件、资料', '指使、强令有关人员阻碍巡查或诬告陷害他人', '无正当理由拒不纠正存在的问题', '对反映问题的人员进行打击报复', '其他违反巡查纪律的情形']), area('description', '具体情况', true, 5)],
    variables: (v, u, at) => ({ obstruction: { behaviour: v.behaviour, description: v.description, reportedBy: u.username, reportedAt: at } }),
  },
  {
    message: 'major-hazard-found', label: '登记现场发现的重大事故隐患', description: '巡查组现场发现重大事故隐患，立即登记并报区安委会挂牌督办，不等待巡查报告和集中反馈。',
    roles: ['team-leader', 'team'], subject: 'inspection',
    fields: [choice('industry', '行业领域', ['危险化学品', '非煤矿山', '工贸', '烟花爆竹', '房屋市政', '城镇燃气', '道路运输', '道路交通', '消防', '特种设备', '教育', '卫生', '养老', '文旅', '农业', '商贸', '其他']),
      text('enterpriseName', '涉及企业', false, 60), area('description', '隐患情况', true, 10), area('immediateMeasures', '现场已采取的紧急措施（停产停业、撤离人员、设置警戒等）', true, 4)],
    variables: (v, u, at) => ({ hazardFinding: { industry: v.industry, enterpriseName: v.enterpriseName ?? null, description: v.description, immediateMeasures: v.immediateMeasures, reportedBy: u.username, reportedAt: at } }),
  },
  {
    message: 'extended-inspection-started', label: '开展延伸巡查', description: '现场巡查期间，根据工作需要随时延伸巡查有关重点企业；巡查情况和发现的问题在任务中记录。',
    roles: ['team-leader', 'team'], subject: 'inspection',
    fields: [text('enterpriseName', '延伸巡查的企业', true, 60), area('reason', '延伸巡查的原因', true, 4)],
    variables: (v, u, at) => ({ extension: { enterpriseName: v.enterpriseName, reason: v.reason, startedBy: u.username, startedAt: at } }),
  },
  {
    message: 'rectification-submitted', label: '报送整改和查处情况报告', description: '收到反馈意见后两个月内，向区安委会报送整改和查处情况。',
    roles: ['unit'], subject: 'inspection',
    fields: [area('report', '整改情况', true, 20), area('investigation', '查处情况', false)],
    variables: (v, u, at) => ({ rectificationReport: { report: v.report, investigation: v.investigation ?? null, submittedBy: u.username, submittedAt: at } }),
  },
  {
    message: 'hazard-progress', label: '报告挂牌隐患整改进展', description: '挂牌督办期间每月报告整改进展。',
    roles: ['unit'], subject: 'hazard',
    fields: [{ type: 'number', key: 'percent', label: '完成比例（%）', validate: { required: true, min: 0, max: 100 } }, area('text', '进展情况', true, 5)],
    variables: (v, u, at) => ({ progress: { percent: v.percent, text: v.text, by: u.username, at } }),
  },
  {
    message: 'extension-requested', label: '申请延期整改', description: '不能按期完成整改的，在期限届满 20 个工作日前申请延期。',
    roles: ['unit'], subject: 'hazard',
    fields: [{ type: 'datetime', subtype: 'date', key: 'requestedDue', label: '申请延期至', validate: { required: true } }, area('reason', '延期理由', true, 5)],
    // the yc-hazard worker (action extend) reads `extension`; the decision on it is taken later in the process
    variables: (v, u, at) => ({ extension: { requestedDue: v.requestedDue, reason: v.reason, by: u.username, at } }),
  },
  {
    message: 'acceptance-requested', label: '申请验收销号', description: '隐患整改完成并自评合格后，申请验收销号。',
    roles: ['unit'], subject: 'hazard',
    fields: [area('selfAssessment', '自评情况', true, 10)],
    variables: (v, u, at) => ({ acceptanceRequest: { selfAssessment: v.selfAssessment, by: u.username, at } }),
  },
  {
    message: 'city-inspection-announced', label: '登记市级巡查通知', description: '市安委会通知对峄城区开展巡查，区安委办启动联络配合。',
    // every announcement starts its own liaison: a second city inspection in the same year is not held back
    roles: ['office'], subject: 'year', startsProcess: 'city-inspection-liaison',
    fields: [text('period', '巡查时间', true, 100), area('notes', '通知要点', false)],
    variables: (v, u, at) => ({ cityInspection: { period: v.period, notes: v.notes ?? null, by: u.username, at } }),
  },
];

/**
 * Reports that are tasks now: a department signs a handover and reports its result in its task list (the process
 * no longer waits for these messages), so the web app refuses them with where to go instead.
 */
export const MOVED_TO_TASKS: Record<string, string> = {
  'handover-receipt': '移交问题的签收已改在「任务」中办理：请在任务列表中打开「签收移交问题」任务，选择接收或退回。',
  'handover-result': '移交问题的办理结果已改在「任务」中报送：请在任务列表中打开「报送办理结果」任务填报。',
};

export const eventsFor = (user: Principal) => EVENTS.filter((e) => e.roles.some((r) => user.roles.includes(r)));
