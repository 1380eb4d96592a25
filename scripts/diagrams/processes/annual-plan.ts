import { area, choice, date, list, note, num, show, showArea, tags, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, groups, notify, record, service, user } from '../tasks';

const planFields = [
  num('year', '巡查年度', 2021, 2100, { description: '例如 2026' }),
  date('cycleStart', '本巡查周期起始日', { description: '每两年全部巡查一遍，从该日起算两年周期（二（一）基本原则）' }),
  text('planTitle', '方案标题', { validate: { required: true, maxLength: 80 } }),
  area('planTheme', '年度专题和巡查重点', {
    description: '根据区委、区政府和区安委会年度或重点时段确定的专题（一（二））',
    validate: { required: true, minLength: 10, maxLength: 2000 },
  }),
  tags('units', '本年度被巡查单位编码', { description: '镇（街道）为国标编码，如 370404001；成员单位为 YC-M-xx' }),
  list('rounds', '巡查轮次', [
    num('no', '轮次', 1, 12),
    date('start', '进驻日期'),
    date('end', '结束日期', { description: '每次巡查原则不少于两周' }),
    tags('units', '本轮被巡查单位编码'),
  ]),
];

export const annualPlan: ProcessModel = {
  id: 'annual-plan',
  name: '年度巡查工作方案',
  doc: '三（三）1：区安委会办公室制定年度巡查工作方案，经区安委会审批后提前告知被巡查单位，按轮次组织巡查；二（一）：安委办负责制定巡查工作方案并组织实施。',
  nodes: [
    { kind: 'start', id: 'plan-started', name: '启动年度巡查', doc: '三（三）1：区安委会办公室制定年度巡查工作方案' },
    deadline('compute-draft-due', '计算方案起草期限', '三（三）1：方案起草期限（10个工作日，法定日历）', 'working-days', 10, 'planDraftDue'),
    user(
      'draft-plan',
      '起草年度巡查工作方案',
      '三（三）1：区安委会办公室制定年度巡查工作方案；二（一）：负责制定我区巡查工作方案',
      groups.office,
      'planDraftDue',
      {
        id: 'annual-plan-draft',
        title: '起草年度巡查工作方案',
        intro: '依据《峄城区安全生产巡查工作制度》三（三）1，由区安委会办公室制定年度巡查工作方案。每两年应将各镇（街道）和区安委会成员单位全部巡查一遍。',
        context: [
          show('planDraftDue', '起草期限'),
          showArea('planProblemsText', '自动检查发现的问题', { hideIf: '=planProblemsText = ""' }),
          showArea('returnOpinion', '区安委会退回意见', { hideIf: '=returnOpinion = ""' }),
        ],
        fields: [{ type: 'group', label: '方案内容', path: 'plan', components: planFields, showOutline: true }],
      },
      { plan: '=plan' },
      {
        planProblemsText: '=if planProblems = null then "" else string join(planProblems, "；")',
        returnOpinion: '=if planDecision = "return" then approvalOpinion else ""',
      },
    ),
    service('check-plan', '自动检查方案', '二（一）：每两年全部巡查一遍、每次不少于两周；自动检查覆盖与时长', 'yc-plan-check'),
    { kind: 'xor', id: 'plan-valid', name: '方案是否合规？', doc: '二（一）：覆盖和时长要求' },
    deadline('compute-approval-due', '计算审批期限', '二（三）：呈报区安委会审批（5个工作日）', 'working-days', 5, 'planApprovalDue'),
    user(
      'approve-plan',
      '区安委会审批年度方案',
      '三（三）1：年度巡查工作方案报区安委会审批；四（一）：各巡查组在区安委会的领导下开展工作',
      groups.committee,
      'planApprovalDue',
      {
        id: 'annual-plan-approval',
        title: '审批年度巡查工作方案',
        intro: '区安委会审批区安委会办公室报送的年度巡查工作方案（三（三）1）。退回时请写明修改意见。',
        context: [
          show('planTitle', '方案标题'),
          show('planYear', '巡查年度'),
          showArea('planTheme', '年度专题'),
          show('planApprovalDue', '审批期限'),
        ],
        fields: [
          choice('radio', 'planDecision', '审批结论', [
            ['approve', '批准'],
            ['return', '退回修改'],
          ]),
          area('approvalOpinion', '审批意见', {
            validate: { required: true, minLength: 2, maxLength: 1000 },
            description: '退回时写明需要修改的内容',
          }),
          note('批准后将向全部被巡查单位发送提前告知，并启动巡查组组建。', { hideIf: '=planDecision != "approve"' }),
        ],
      },
      { planDecision: '=planDecision', approvalOpinion: '=approvalOpinion' },
      { planTitle: '=plan.planTitle', planYear: '=string(plan.year)', planTheme: '=plan.planTheme' },
    ),
    { kind: 'xor', id: 'plan-approved', name: '是否批准？', doc: '三（三）1：区安委会审批' },
    notify('notify-plan-returned', '通知方案退回', '三（三）1：审批退回，安委办修改方案', 'plan-returned', 'office'),
    record('record-plan', '登记已批准方案', '三（三）1：年度巡查工作方案定稿存档；四（二）：全过程记录', 'plan-approved', {
      outputs: { planId: '=planId' },
    }),
    {
      kind: 'call',
      id: 'form-teams',
      name: '巡查组组建',
      doc: '二（一）、二（三）：区安委会组织2-3个巡查组，由安委办提出人员组成方案，呈报区安委会审批',
      processId: 'team-formation',
      inputs: { year: '=plan.year', planId: '=planId' },
      outputs: { teams: '=teams' },
    },
    notify(
      'notify-advance',
      '提前告知被巡查单位',
      '三（三）1：年度巡查工作方案提前告知被巡查镇（街道）和安委会成员单位',
      'advance-notice',
      'unit,unit-head',
      { inputs: { unitCodes: '=plan.units', year: '=plan.year' } },
    ),
    {
      kind: 'call',
      id: 'run-rounds',
      name: '逐轮开展巡查',
      doc: '三（三）1：按年度方案分轮次开展巡查，每轮开始前集中培训',
      processId: 'inspection-round',
      inputs: {
        year: '=plan.year',
        planId: '=planId',
        round: '=round',
        teams: '=teams',
        roundNo: '=round.no',
        roundStart: '=round.start',
        roundEnd: '=round.end',
        trainingDue: '=round.start + "T09:00:00+08:00"',
      },
      outputs: {},
      multi: { collection: '=plan.rounds', element: 'round', sequential: true },
    },
    { kind: 'end', id: 'plan-completed', name: '年度巡查完成', doc: '二（一）：年度巡查按方案完成' },
  ],
  flows: [
    ...chain('plan-started', 'compute-draft-due', 'draft-plan', 'check-plan', 'plan-valid'),
    f('plan-valid', 'draft-plan', { name: '不合规，修改', condition: '=planValid = false' }),
    f('plan-valid', 'compute-approval-due', { name: '合规', isDefault: true }),
    ...chain('compute-approval-due', 'approve-plan', 'plan-approved'),
    f('plan-approved', 'notify-plan-returned', { name: '退回修改', condition: '=planDecision = "return"' }),
    f('notify-plan-returned', 'draft-plan'),
    f('plan-approved', 'record-plan', { name: '批准', isDefault: true }),
    ...chain('record-plan', 'form-teams', 'notify-advance', 'run-rounds', 'plan-completed'),
  ],
};
