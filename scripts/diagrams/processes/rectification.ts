import { area, choice, show, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, documentTask, groups, notify, record, service, user } from '../tasks';

const context = [show('unitName', '被巡查单位'), show('inspectionNo', '巡查编号')];

export const rectification: ProcessModel = {
  id: 'rectification',
  name: '整改落实与审核',
  doc: '三（三）5：被巡查单位收到反馈意见后认真整改，2个月内将整改和查处情况报送区安委会审核；逾期按升级阶梯督办；三（三）6：整改情况向社会公告。',
  nodes: [
    { kind: 'start', id: 'rectification-started', name: '已集中反馈', doc: '三（三）5：收到巡查组反馈意见' },
    deadline('compute-rectification-due', '计算2个月整改期限', '三（三）5：于2个月内报送（月末对应日，遇节假日顺延），提前5个工作日提醒', 'months', 2, 'rectificationDue', 'feedbackDate', 5),
    documentTask('issue-rectification-notice', '制发整改通知', '三（三）5：要求认真整改落实发现的问题和隐患', 'rectification-notice'),
    { kind: 'receive', id: 'await-rectification-report', name: '等待整改和查处情况报告', doc: '三（三）5：被巡查单位报送整改和查处情况', message: 'rectification-submitted' },
    { kind: 'boundary', id: 'rectification-reminder', name: '到期前提醒', doc: '三（三）5：2个月期限届满前提醒（黄灯）', attachedTo: 'await-rectification-report', interrupting: false, timerDate: '=rectificationDueReminder' },
    notify('notify-rectification-reminder', '提醒按期报送', '三（三）5：提醒被巡查单位按期报送', 'rectification-reminder', 'unit,unit-head'),
    { kind: 'end', id: 'rectification-reminded', name: '已提醒', doc: '三（三）5：到期前提醒' },
    { kind: 'boundary', id: 'rectification-overdue', name: '逾期未报', doc: '三（三）5：逾期未报送整改情况（红灯）', attachedTo: 'await-rectification-report', interrupting: true, timerDate: '=rectificationDue' },
    {
      kind: 'call',
      id: 'escalate-overdue',
      name: '逾期升级督办',
      doc: '四（三）：无正当理由拒不整改或不按要求整改的依规处理；一（二）：查问题、促整改',
      processId: 'escalation-ladder',
      inputs: {
        inspectionId: '=inspectionId',
        unitCode: '=unitCode',
        unitName: '=unitName',
        problemId: '=null',
        escalationLevel: '=if escalationLevel = null then 0 else escalationLevel',
      },
      outputs: { escalationLevel: '=escalationLevel', escalationColor: '=escalationColor' },
    },
    { kind: 'boundary', id: 'ladder-exhausted', name: '升级措施已用尽', doc: '四（三）：依法依规依纪严肃处理', attachedTo: 'escalate-overdue', interrupting: true, error: 'LADDER_EXHAUSTED' },
    { kind: 'end', id: 'rectification-escalated-out', name: '移送问责', doc: '四（三）：依法依规依纪严肃处理', terminate: true },
    deadline('compute-chase-due', '计算督办后期限', '三（三）5：督办后限期报送（10个工作日）', 'working-days', 10, 'rectificationDue', undefined, 3),
    record('record-rectification-report', '登记整改报告', '三（三）5：报送整改和查处情况', 'rectification-reported'),
    deadline('compute-review-due', '计算审核期限', '三（三）5：区安委会审核（10个工作日）', 'working-days', 10, 'rectificationReviewDue'),
    user(
      'review-rectification',
      '区安委会审核整改情况',
      '三（三）5：整改和查处情况报送区安委会审核',
      groups.committee,
      'rectificationReviewDue',
      {
        id: 'rectification-review',
        title: '审核整改和查处情况',
        intro: '依据三（三）5，区安委会审核被巡查单位报送的整改和查处情况。退回的须写明不予认可的事项和补充整改要求。',
        context: [...context, show('rectificationDue', '报送期限'), show('rectificationReviewDue', '审核期限')],
        fields: [
          choice('radio', 'reviewDecision', '审核结论', [
            ['accept', '审核通过'],
            ['return', '退回补充整改'],
          ]),
          area('reviewOpinion', '审核意见', { validate: { required: true, minLength: 2, maxLength: 2000 } }),
          text('rejectedItems', '不予认可的问题编号', {
            hideIf: '=reviewDecision != "return"',
            validate: { required: true, maxLength: 200 },
            description: '以逗号分隔',
          }),
        ],
      },
      { reviewDecision: '=reviewDecision', reviewOpinion: '=reviewOpinion', rectificationAccepted: '=reviewDecision = "accept"' },
    ),
    { kind: 'xor', id: 'review-passed', name: '审核通过？', doc: '三（三）5：区安委会审核' },
    notify('notify-rectification-returned', '通知补充整改', '三（三）5：审核未通过，退回补充整改', 'rectification-returned', 'unit,unit-head'),
    deadline('compute-rework-due', '计算补充整改期限', '三（三）5：补充整改限期（15个工作日）', 'working-days', 15, 'rectificationDue', undefined, 3),
    record('record-review', '登记审核结果', '三（三）5：审核意见存档', 'rectification-reviewed'),
    service('announce-rectification', '公告整改情况', '三（三）6：以适当形式将整改情况向社会公告', 'yc-announce', { kind: 'rectification' }),
    { kind: 'end', id: 'rectification-done', name: '整改审核通过', doc: '三（三）5：整改审核完成' },
  ],
  flows: [
    ...chain('rectification-started', 'compute-rectification-due', 'issue-rectification-notice', 'await-rectification-report'),
    ...chain('await-rectification-report', 'record-rectification-report', 'compute-review-due', 'review-rectification', 'review-passed'),
    f('review-passed', 'record-review', { name: '通过', isDefault: true }),
    f('review-passed', 'notify-rectification-returned', { name: '退回', condition: '=reviewDecision = "return"' }),
    ...chain('notify-rectification-returned', 'compute-rework-due', 'await-rectification-report'),
    ...chain('record-review', 'announce-rectification', 'rectification-done'),
    ...chain('rectification-reminder', 'notify-rectification-reminder', 'rectification-reminded'),
    ...chain('rectification-overdue', 'escalate-overdue', 'compute-chase-due', 'await-rectification-report'),
    f('ladder-exhausted', 'rectification-escalated-out'),
  ],
};
