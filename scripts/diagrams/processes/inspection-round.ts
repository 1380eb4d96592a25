import { area, choice, dateTime, num, show, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { groups, notify, record, user } from '../tasks';

export const inspectionRound: ProcessModel = {
  id: 'inspection-round',
  name: '巡查轮次',
  doc: '三（三）1：在每一轮巡查工作开始前组织巡查人员集中培训，然后对本轮各被巡查单位开展巡查；二（三）：对不适合从事巡查工作的人员及时调整。',
  nodes: [
    { kind: 'start', id: 'round-started', name: '本轮巡查开始', doc: '三（三）1：按年度巡查工作方案开展本轮巡查' },
    user(
      'confirm-team',
      '核定本轮巡查组人员',
      '二（三）：巡查人员相对固定，对不适合从事巡查工作的人员应当及时予以调整',
      groups.office,
      'trainingDue',
      {
        id: 'round-team-check',
        title: '核定本轮巡查组人员',
        intro: '依据二（三），巡查人员在一个巡查工作周期内应相对固定；对不适合从事巡查工作的人员，应当及时予以调整（调整需重新报区安委会审批）。',
        context: [show('roundNo', '轮次'), show('roundStart', '进驻日期'), show('roundEnd', '结束日期')],
        fields: [
          choice('radio', 'teamAdjustment', '是否需要调整人员', [
            ['none', '人员不变'],
            ['adjust', '需要调整'],
          ]),
          area('adjustmentReason', '调整原因', {
            hideIf: '=teamAdjustment != "adjust"',
            validate: { required: true, minLength: 4, maxLength: 500 },
          }),
        ],
      },
      { teamAdjustment: '=teamAdjustment' },
    ),
    { kind: 'xor', id: 'adjust-needed', name: '需要调整？', doc: '二（三）：及时予以调整' },
    {
      kind: 'call',
      id: 'adjust-teams',
      name: '调整巡查组',
      doc: '二（三）：调整后的人员组成方案重新呈报区安委会审批',
      processId: 'team-formation',
      inputs: { year: '=year', planId: '=planId' },
      outputs: { teams: '=teams' },
    },
    notify('notify-training', '发出集中培训通知', '三（三）1：每一轮巡查开始前组织巡查人员集中培训；二（一）：安委办负责巡查人员培训', 'training-notice', 'team-members'),
    user(
      'hold-training',
      '组织集中培训',
      '三（三）1：在每一轮巡查工作开始前，组织巡查人员集中培训',
      groups.office,
      'trainingDue',
      {
        id: 'round-training',
        title: '巡查人员集中培训',
        intro: '依据三（三）1，在每一轮巡查工作开始前组织巡查人员集中培训；培训内容包括巡查内容（三（一））、方式（三（二））、程序和纪律（四（三））。',
        context: [show('roundNo', '轮次'), show('trainingDue', '培训完成期限（进驻前）')],
        fields: [
          dateTime('trainingAt', '培训时间'),
          text('trainingPlace', '培训地点', { validate: { required: true, maxLength: 60 } }),
          num('attendeeCount', '参训人数', 1, 30),
          area('trainingContent', '培训内容', { validate: { required: true, minLength: 10, maxLength: 2000 } }),
        ],
      },
      { trainingAt: '=trainingAt', attendeeCount: '=attendeeCount' },
    ),
    record('record-round', '登记本轮巡查', '三（三）1：本轮巡查启动；四（二）：全过程记录', 'round-started'),
    {
      kind: 'call',
      id: 'inspect-units',
      name: '对本轮各单位开展巡查',
      doc: '三（三）2-6：巡查组进驻各被巡查镇（街道）和成员单位开展巡查',
      processId: 'unit-inspection',
      inputs: {
        year: '=year',
        roundNo: '=roundNo',
        unitCode: '=unitCode',
        // a for-loop, not a filter: inside a filter `unitCode` could resolve against the team's own entries
        team: '=(for t in teams return if list contains(t.unitCodes, unitCode) then t else null)[item != null][1]',
        roundStart: '=roundStart',
        roundEnd: '=roundEnd',
        entryDue: '=roundStart + "T18:00:00+08:00"',
      },
      outputs: {},
      multi: { collection: '=round.units', element: 'unitCode' },
    },
    { kind: 'end', id: 'round-completed', name: '本轮巡查完成', doc: '三（三）：本轮巡查程序完成' },
  ],
  flows: [
    ...chain('round-started', 'confirm-team', 'adjust-needed'),
    f('adjust-needed', 'notify-training', { name: '不变', isDefault: true }),
    f('adjust-needed', 'adjust-teams', { name: '调整', condition: '=teamAdjustment = "adjust"' }),
    f('adjust-teams', 'notify-training'),
    ...chain('notify-training', 'hold-training', 'record-round', 'inspect-units', 'round-completed'),
  ],
};
