import { area, choice, list, show, showArea } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, groups, notify, record, user } from '../tasks';
import { problemFields } from './onsite-work';

const context = [show('unitName', '被巡查单位'), show('inspectionNo', '巡查编号')];

export const inspectionReport: ProcessModel = {
  id: 'inspection-report',
  name: '巡查工作报告与审定',
  doc: '三（三）3：巡查工作结束后15日内向区安委会报送巡查工作报告（到期前提醒、逾期报告）；三（三）4：报告经区安委会审定（可退回修改）；四（三）：如实报告巡查情况。',
  nodes: [
    { kind: 'start', id: 'report-started', name: '现场工作已结束', doc: '三（三）3：巡查工作结束，15日报告期限起算' },
    deadline('compute-report-due', '计算15日报告期限', '三（三）3：结束后15日内报送（始日不计，期末遇节假日顺延），提前3个工作日提醒', 'calendar-days', 15, 'reportDue', 'onsiteEnd', 3),
    user(
      'draft-report',
      '撰写巡查工作报告',
      '三（三）3：各巡查组在巡查结束后15日内向区安委会报送巡查工作报告；四（三）：如实报告，不得隐瞒、歪曲、捏造事实',
      groups.teamLeader,
      'reportDue',
      {
        id: 'inspection-report-draft',
        title: '巡查工作报告',
        intro: '依据三（三）3，巡查工作结束后15日内向区安委会报送巡查工作报告。巡查工作人员要如实报告巡查工作情况，不得隐瞒、歪曲、捏造事实（四（三））。',
        context: [...context, show('reportDue', '报送期限'), showArea('returnOpinion', '区安委会退回意见', { hideIf: '=returnOpinion = ""' })],
        fields: [
          area('reportSummary', '基本情况和主要成效', { validate: { required: true, minLength: 20, maxLength: 5000 } }),
          area('reportCauses', '原因分析', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
          area('reportSuggestions', '意见和建议', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
          list('problems', '问题清单', problemFields),
        ],
      },
      { problems: '=problems', reportSummary: '=reportSummary' },
      { returnOpinion: '=if reportDecision = "return" then reportOpinion else ""' },
    ),
    { kind: 'boundary', id: 'report-reminder', name: '到期前提醒', doc: '三（三）3：15日期限届满前提醒', attachedTo: 'draft-report', interrupting: false, timerDate: '=reportDueReminder' },
    notify('notify-report-reminder', '提醒报送报告', '三（三）3：提醒巡查组按期报送', 'report-reminder', 'team-leader'),
    { kind: 'end', id: 'report-reminded', name: '已提醒', doc: '三（三）3：到期前提醒' },
    { kind: 'boundary', id: 'report-overdue', name: '逾期未报', doc: '三（三）3：超过15日未报送', attachedTo: 'draft-report', interrupting: false, timerDate: '=reportDue' },
    notify('notify-report-overdue', '报告逾期情况', '二（一）：安委办向区安委会报告重要情况', 'report-overdue', 'office,committee,team-leader'),
    { kind: 'end', id: 'report-overdue-reported', name: '已上报逾期', doc: '三（三）3：逾期升级报告' },
    record('submit-report', '报送巡查工作报告', '三（三）3：向区安委会报送巡查工作报告', 'report-submitted'),
    deadline('compute-approval-due', '计算审定期限', '三（三）4：区安委会审定（10个工作日）', 'working-days', 10, 'reportApprovalDue'),
    user(
      'approve-report',
      '区安委会审定报告',
      '三（三）4：巡查工作报告经区安委会审定',
      groups.committee,
      'reportApprovalDue',
      {
        id: 'inspection-report-approval',
        title: '审定巡查工作报告',
        intro: '依据三（三）4，区安委会审定巡查工作报告。审定后向被巡查单位主要负责人集中反馈，发现的问题分类处置，重大事故隐患由区安委会挂牌督办。',
        context: [...context, showArea('reportSummary', '报告摘要'), show('problemCount', '问题数量'), show('reportApprovalDue', '审定期限')],
        fields: [
          choice('radio', 'reportDecision', '审定结论', [
            ['approve', '审定通过'],
            ['return', '退回修改'],
          ]),
          area('reportOpinion', '审定意见', { validate: { required: true, minLength: 2, maxLength: 2000 } }),
        ],
      },
      { reportDecision: '=reportDecision', reportOpinion: '=reportOpinion' },
      { problemCount: '=string(count(problems))' },
    ),
    { kind: 'xor', id: 'report-approved', name: '审定通过？', doc: '三（三）4：区安委会审定' },
    notify('notify-report-returned', '通知退回修改', '三（三）4：审定退回，巡查组修改报告', 'report-returned', 'team-leader'),
    record('record-approval', '登记审定结果', '三（三）4：审定意见存档', 'report-approved'),
    { kind: 'end', id: 'report-done', name: '报告已审定', doc: '三（三）4：报告审定完成' },
  ],
  flows: [
    ...chain('report-started', 'compute-report-due', 'draft-report', 'submit-report', 'compute-approval-due', 'approve-report', 'report-approved'),
    f('report-approved', 'record-approval', { name: '通过', isDefault: true }),
    f('report-approved', 'notify-report-returned', { name: '退回修改', condition: '=reportDecision = "return"' }),
    f('notify-report-returned', 'draft-report'),
    f('record-approval', 'report-done'),
    ...chain('report-reminder', 'notify-report-reminder', 'report-reminded'),
    ...chain('report-overdue', 'notify-report-overdue', 'report-overdue-reported'),
  ],
};
