import { area, choice, show } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, documentTask, groups, notify, service, user } from '../tasks';

const context = [show('unitName', '责任单位'), show('escalationStep', '本次措施'), show('escalationColor', '预警颜色')];

export const escalationLadder: ProcessModel = {
  id: 'escalation-ladder',
  name: '逾期整改升级督办',
  doc: '四（三）：不得无正当理由拒不整改或不按要求整改，违反的依法依规依纪严肃处理；二（一）：安委办会同巡查组做好督办。每次调用执行升级阶梯的下一级：催办→督办函→约谈→通报→挂牌→问责（绿/黄/红灯）。',
  nodes: [
    { kind: 'start', id: 'escalation-started', name: '整改逾期', doc: '三（三）5：整改逾期' },
    service('next-step', '确定升级措施', '四（三）：视情节轻重处理；实践：催办→督办函→约谈→通报→挂牌→问责', 'yc-escalate'),
    { kind: 'xor', id: 'step-gateway', name: '升级措施？', doc: '四（三）：视情节轻重' },
    notify('send-reminder', '催办', '二（一）：会同巡查组做好督办工作（催办）', 'escalation', 'unit,unit-head,office'),
    documentTask('issue-supervision-letter', '制发督办函', '二（一）：以区安委会名义督办（督办函）', 'supervision-letter'),
    notify('send-supervision-letter', '送达督办函', '二（一）：督办', 'escalation', 'unit,unit-head'),
    {
      kind: 'call',
      id: 'escalation-talk',
      name: '约谈',
      doc: '四（二）一：对责任单位负责人进行约谈，提出明确整改意见',
      processId: 'key-talk',
      inputs: {
        talk: '={subjectUnitCode: unitCode, reason: "整改逾期", at: null, attendees: []}',
        unitCode: '=unitCode',
        inspectionId: '=inspectionId',
      },
      outputs: {},
    },
    notify('publish-criticism', '通报批评', '三（三）6：结果纳入绩效考核；实践：通报批评、考核扣分', 'escalation', 'unit,unit-head,copy-offices'),
    service('deduct-score', '考核扣分', '三（三）6：纳入安全生产工作绩效考核', 'yc-assessment', { action: 'score' }),
    deadline('compute-escalation-decision-due', '计算决定期限', '三（三）4：区安委会决定（3个工作日）', 'working-days', 3, 'escalationDecisionDue'),
    user(
      'decide-escalation',
      '区安委会决定挂牌或问责',
      '三（三）4：涉及重大事故隐患由区安委会挂牌督办；四（三）：依法依规依纪严肃处理',
      groups.committee,
      'escalationDecisionDue',
      {
        id: 'escalation-decision',
        title: '逾期整改：挂牌督办或问责',
        intro: '整改经催办、督办函、约谈、通报仍未落实。依据三（三）4和四（三），由区安委会决定挂牌督办或移送问责。',
        context: [...context, show('escalationDecisionDue', '决定期限')],
        fields: [
          choice('radio', 'escalationDecision', '决定', [
            ['list', '挂牌督办'],
            ['refer', '移送问责线索'],
          ]),
          area('escalationOpinion', '意见', { validate: { required: true, minLength: 2, maxLength: 1000 } }),
        ],
      },
      { escalationDecision: '=escalationDecision' },
    ),
    { kind: 'xor', id: 'decision-gateway', name: '挂牌还是问责？', doc: '三（三）4；四（三）' },
    {
      kind: 'call',
      id: 'escalation-listing',
      name: '挂牌督办',
      doc: '三（三）4：由区安委会挂牌督办',
      processId: 'listed-supervision',
      inputs: { problemId: '=problemId', unitCode: '=unitCode', unitName: '=unitName', inspectionId: '=inspectionId', departmentCode: '=departmentCode', problem: '={description: "逾期未整改"}' },
      outputs: {},
    },
    documentTask('issue-referral', '移送问责线索', '四（三）：依法依规依纪严肃处理（移送纪委监委、组织部）', 'handover-letter'),
    { kind: 'xor', id: 'step-merge', name: '', doc: '二（一）：督办措施已执行' },
    deadline('compute-escalation-due', '计算下一次检查期限', '二（一）：督办后限期整改（10个工作日）', 'working-days', 10, 'escalationDue'),
    { kind: 'end', id: 'escalation-done', name: '本级措施完成', doc: '二（一）：督办' },
  ],
  flows: [
    ...chain('escalation-started', 'next-step', 'step-gateway'),
    f('step-gateway', 'send-reminder', { name: '催办', isDefault: true }),
    f('step-gateway', 'issue-supervision-letter', { name: '督办函', condition: '=escalationStep = "督办函"' }),
    f('step-gateway', 'escalation-talk', { name: '约谈', condition: '=escalationStep = "约谈"' }),
    f('step-gateway', 'publish-criticism', { name: '通报', condition: '=escalationStep = "通报"' }),
    f('step-gateway', 'compute-escalation-decision-due', { name: '挂牌或问责', condition: '=escalationStep = "挂牌" or escalationStep = "问责"' }),
    f('send-reminder', 'step-merge'),
    ...chain('issue-supervision-letter', 'send-supervision-letter', 'step-merge'),
    f('escalation-talk', 'step-merge'),
    ...chain('publish-criticism', 'deduct-score', 'step-merge'),
    ...chain('compute-escalation-decision-due', 'decide-escalation', 'decision-gateway'),
    f('decision-gateway', 'escalation-listing', { name: '挂牌', isDefault: true }),
    f('decision-gateway', 'issue-referral', { name: '问责', condition: '=escalationDecision = "refer"' }),
    f('escalation-listing', 'step-merge'),
    f('issue-referral', 'step-merge'),
    ...chain('step-merge', 'compute-escalation-due', 'escalation-done'),
  ],
};
