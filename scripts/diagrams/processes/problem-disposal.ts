import { area, choice, show, showArea, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, documentTask, groups, user } from '../tasks';

const context = [
  show('unitName', '被巡查单位'),
  show('problemId', '问题编号'),
  showArea('problemText', '问题描述'),
];

export const problemDisposal: ProcessModel = {
  id: 'problem-disposal',
  name: '问题分类处置',
  doc: '三（三）4：巡查中发现的非法违法违规问题，进行分类处置后依据职责分工移交区有关部门、镇（街道）和成员单位依法依规调查处理，涉及重大事故隐患的由区安委会挂牌督办；四（三）：问责线索依规依纪处理。',
  nodes: [
    { kind: 'start', id: 'disposal-started', name: '问题已登记', doc: '三（三）4：巡查发现问题进入分类处置' },
    {
      kind: 'rule',
      id: 'classify-problem',
      name: '分类（决策表）',
      doc: '三（三）4：分类处置——按问题类别C1–C9、严重程度、行业领域确定处置路径和承办部门（决策表 problem-classification，由流程负责人维护）',
      decisionId: 'problem-classification',
      resultVariable: 'classification',
      inputs: { category: '=problem.category', severity: '=problem.severity', industry: '=problem.industry' },
      outputs: { route: '=classification.route', departmentCode: '=classification.departmentCode', classification: '=classification' },
    },
    deadline('compute-confirm-due', '计算确认期限', '三（三）4：分类处置意见确认（3个工作日）', 'working-days', 3, 'disposalConfirmDue'),
    user(
      'confirm-disposal',
      '确认分类处置意见',
      '三（三）4：依据职责分工确定处置路径；二（一）：安委办会同巡查组做好问题整改督办',
      groups.office,
      'disposalConfirmDue',
      {
        id: 'disposal-confirmation',
        title: '确认分类处置意见',
        intro: '决策表按问题类别、严重程度和行业领域给出处置建议。依据三（三）4：非法违法违规问题移交有关部门依法依规调查处理；涉及重大事故隐患的由区安委会挂牌督办。如需改变建议，请说明理由。',
        context: [...context, show('suggestedRoute', '建议处置方式'), show('suggestedDepartment', '建议承办部门'), show('disposalConfirmDue', '确认期限')],
        fields: [
          choice('radio', 'route', '处置方式', [
            ['rectify', '责令被巡查单位整改'],
            ['handover', '移交有关部门调查处理'],
            ['listing', '重大事故隐患，提请区安委会挂牌督办'],
            ['accountability', '问责线索，移送有关机关'],
          ]),
          text('departmentCode', '承办部门编码', {
            hideIf: '=route = "rectify"',
            validate: { required: true, pattern: '^YC-M-[0-9]{2}$|^3704040[0-9]{5}$' },
            description: '成员单位编码 YC-M-xx 或镇（街道）国标编码',
          }),
          area('overrideReason', '改变建议的理由', {
            hideIf: '=route = suggestedRoute',
            validate: { required: true, minLength: 4, maxLength: 500 },
          }),
        ],
      },
      { route: '=route', departmentCode: '=departmentCode' },
      {
        suggestedRoute: '=route',
        suggestedDepartment: '=departmentCode',
        problemText: '=problem.description',
        unitName: '=unitName',
      },
    ),
    { kind: 'xor', id: 'route-gateway', name: '处置方式？', doc: '三（三）4：分类处置' },
    {
      kind: 'call',
      id: 'hand-over',
      name: '问题移交',
      doc: '三（三）4：依据职责分工移交区有关部门、镇（街道）和成员单位依法依规调查处理',
      processId: 'problem-handover',
      inputs: { problemId: '=problemId', problem: '=problem', departmentCode: '=departmentCode', inspectionId: '=inspectionId', unitName: '=unitName' },
      outputs: {},
    },
    {
      kind: 'call',
      id: 'list-hazard',
      name: '挂牌督办',
      doc: '三（三）4：涉及重大事故隐患的，由区安委会挂牌督办',
      processId: 'listed-supervision',
      inputs: { problemId: '=problemId', problem: '=problem', departmentCode: '=departmentCode', unitCode: '=unitCode', unitName: '=unitName', inspectionId: '=inspectionId' },
      outputs: {},
    },
    documentTask('issue-accountability-letter', '制发问题线索移送函', '四（三）：违反要求的视情节轻重依法依规依纪严肃处理（移送纪委监委、组织部）', 'handover-letter'),
    user(
      'refer-accountability',
      '移送问责线索',
      '四（三）：依法依规依纪严肃处理；三（三）4：依据职责分工移交',
      groups.committee,
      'disposalConfirmDue',
      {
        id: 'accountability-referral',
        title: '移送问责线索',
        intro: '依据四（三），对违反巡查工作要求或失职失责的，视情节轻重依法依规依纪严肃处理。问责线索一般移送区纪委监委或区委组织部。',
        context,
        fields: [
          choice('select', 'referralTarget', '移送机关', [
            ['discipline', '区纪委监委'],
            ['organization', '区委组织部'],
          ]),
          area('referralFacts', '线索事实和依据', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
        ],
      },
      { referralTarget: '=referralTarget' },
      { problemText: '=problem.description' },
    ),
    { kind: 'xor', id: 'route-merge', name: '', doc: '四（二）：所有问题的处理实行闭环管理' },
    { kind: 'end', id: 'disposal-done', name: '处置完毕', doc: '四（二）：闭环管理' },
  ],
  flows: [
    ...chain('disposal-started', 'classify-problem', 'compute-confirm-due', 'confirm-disposal', 'route-gateway'),
    f('route-gateway', 'route-merge', { name: '单位整改', isDefault: true }),
    f('route-gateway', 'hand-over', { name: '移交', condition: '=route = "handover"' }),
    f('route-gateway', 'list-hazard', { name: '挂牌督办', condition: '=route = "listing"' }),
    f('route-gateway', 'issue-accountability-letter', { name: '问责线索', condition: '=route = "accountability"' }),
    f('issue-accountability-letter', 'refer-accountability'),
    f('hand-over', 'route-merge'),
    f('list-hazard', 'route-merge'),
    f('refer-accountability', 'route-merge'),
    f('route-merge', 'disposal-done'),
  ],
};
