import { area, choice, date, dateTime, show, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, documentTask, groups, notify, service, user } from '../tasks';

/** Inputs that show what the talk is about in the read-only context fields. */
const talkContext = { talkSubject: '=talk.subjectUnitCode', talkReason: '=talk.reason' };
const context = [show('talkSubject', '约谈对象单位'), show('talkReason', '约谈事由')];

export const keyTalk: ProcessModel = {
  id: 'key-talk',
  name: '重点约谈',
  doc: '四（二）一：巡查过程中根据不同情形对当地政府、部门和企事业单位负责人进行约谈，提出明确整改意见并要求及时报告落实情况。',
  nodes: [
    { kind: 'start', id: 'talk-started', name: '决定约谈', doc: '四（二）一：开展重点约谈' },
    service('schedule-talk', '安排约谈', '四（二）一：确定约谈对象、事由、时间', 'yc-talk', { action: 'schedule' }),
    documentTask('issue-talk-notice', '制发约谈通知书', '四（二）一：约谈通知书', 'talk-notice'),
    notify('notify-talk', '送达约谈通知', '四（二）一：通知被约谈单位负责人', 'talk', 'unit,unit-head'),
    deadline('compute-talk-due', '计算约谈期限', '四（二）一：约谈（实践：确定对象后1周内）', 'working-days', 5, 'talkDue'),
    user(
      'hold-talk',
      '开展约谈并形成纪要',
      '四（二）一：对负责人进行约谈，提出明确整改意见',
      'committee,office,team-leader',
      'talkDue',
      {
        id: 'talk-minutes',
        title: '约谈纪要',
        intro: '依据四（二）一，约谈应提出明确整改意见并要求及时报告落实情况。约谈程序：说明事由→指出问题→被约谈方说明并提出措施→明确措施和期限→形成纪要。',
        context: [...context, show('talkDue', '约谈期限')],
        fields: [
          dateTime('talkHeldAt', '约谈时间'),
          text('intervieweeName', '被约谈人（姓名、职务）', { validate: { required: true, maxLength: 60 } }),
          area('problemsRaised', '指出的问题', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
          area('rectificationOpinion', '明确的整改意见', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
          area('commitments', '被约谈方承诺的措施', { validate: { required: true, minLength: 4, maxLength: 3000 } }),
          date('followUpDate', '落实情况报告期限'),
        ],
      },
      { talkMinutes: '={problems: problemsRaised, opinion: rectificationOpinion, commitments: commitments, followUpDate: followUpDate}' },
      talkContext,
    ),
    service('record-minutes', '登记约谈纪要', '四（二）二：全过程记录存档', 'yc-talk', { action: 'minutes' }),
    user(
      'report-talk-follow-up',
      '报告整改落实情况',
      '四（二）一：要求当地政府及时报告落实情况',
      groups.unit,
      'followUpDue',
      {
        id: 'talk-follow-up',
        title: '约谈整改落实情况报告',
        intro: '依据四（二）一，被约谈单位应按约谈提出的整改意见及时报告落实情况。',
        context: [...context, show('followUpDue', '报告期限')],
        fields: [area('followUpReport', '落实情况', { validate: { required: true, minLength: 20, maxLength: 5000 } })],
      },
      { followUpReport: '=followUpReport' },
      talkContext,
    ),
    deadline('compute-follow-up-review-due', '计算审阅期限', '四（二）一：审阅落实情况（5个工作日）', 'working-days', 5, 'followUpReviewDue'),
    user(
      'review-talk-follow-up',
      '审阅落实情况',
      '四（二）二：闭环管理；二（一）：安委办会同巡查组做好督办',
      groups.office,
      'followUpReviewDue',
      {
        id: 'talk-follow-up-review',
        title: '审阅约谈落实情况',
        intro: '审阅被约谈单位报告的落实情况；不满意的退回继续落实（四（二）：闭环管理）。',
        context: [...context, show('followUpReport', '落实情况'), show('followUpReviewDue', '审阅期限')],
        fields: [
          choice('radio', 'followUpDecision', '审阅结论', [
            ['accept', '落实到位'],
            ['return', '退回继续落实'],
          ]),
          area('followUpOpinion', '意见', { validate: { required: true, minLength: 2, maxLength: 1000 } }),
        ],
      },
      { followUpDecision: '=followUpDecision' },
      talkContext,
    ),
    { kind: 'xor', id: 'follow-up-ok', name: '落实到位？', doc: '四（二）二：闭环管理' },
    { kind: 'end', id: 'talk-closed', name: '约谈闭环', doc: '四（二）二：闭环管理' },
  ],
  flows: [
    ...chain('talk-started', 'schedule-talk', 'issue-talk-notice', 'notify-talk', 'compute-talk-due', 'hold-talk', 'record-minutes'),
    ...chain('record-minutes', 'report-talk-follow-up', 'compute-follow-up-review-due', 'review-talk-follow-up', 'follow-up-ok'),
    f('follow-up-ok', 'talk-closed', { name: '到位', isDefault: true }),
    f('follow-up-ok', 'report-talk-follow-up', { name: '退回', condition: '=followUpDecision = "return"' }),
  ],
};
