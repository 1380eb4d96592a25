// The phases of one unit inspection that unit-inspection calls: entry (进驻), collective feedback (集中反馈) and the
// use of the results (结果运用).
import { area, check, date, dateTime, num, show, text } from '../form-model';
import { chain, type ProcessModel } from '../model';
import { deadline, documentTask, groups, notify, record, service, user } from '../tasks';

const context = [show('unitName', '被巡查单位'), show('inspectionNo', '巡查编号')];

export const inspectionEntry: ProcessModel = {
  id: 'inspection-entry',
  name: '进驻',
  doc: '三（三）2：巡查组进驻被巡查镇（街道）和安委会成员单位后，向其通报巡查工作任务；三（二）3：公布受理来信来电方式；二（一）：每次巡查原则不少于两周。',
  nodes: [
    { kind: 'start', id: 'entry-started', name: '准备进驻', doc: '三（三）2：巡查组进驻' },
    documentTask('issue-inspection-notice', '制发巡查通知书', '三（三）2：进驻前制发巡查通知书和巡查公告', 'inspection-notice'),
    notify('notify-entry', '发出进驻通知', '三（三）2：通知被巡查单位进驻安排', 'entry-notice', 'unit,unit-head,team-members'),
    user(
      'hold-entry-meeting',
      '进驻并通报巡查工作任务',
      '三（三）2：巡查组进驻后向被巡查单位通报巡查工作任务；三（二）3：公布受理来信来电方式',
      groups.teamLeader,
      'entryDue',
      {
        id: 'entry-meeting',
        title: '进驻会议：通报巡查工作任务',
        intro: '依据三（三）2，巡查组进驻后向被巡查单位通报巡查工作任务。请登记进驻会议并公布受理来信、来电的方式（三（二）3）。巡查应不影响被巡查单位的正常工作（一（二））。',
        context: [...context, show('teamName', '巡查组'), show('entryDue', '进驻期限')],
        fields: [
          dateTime('entryMeetingAt', '进驻会议时间'),
          date('onsiteStart', '现场工作开始日期', { description: '现场工作原则不少于两周（二（一）），自次日起算' }),
          text('unitHeadName', '被巡查单位主要负责人', { validate: { required: true, maxLength: 20 } }),
          text('complaintPhone', '受理来电电话', {
            validate: { required: true, pattern: '^(0632-?)?[0-9]{7,8}$|^1[3-9][0-9]{9}$' },
            description: '例如 0632-7712345 或手机号',
          }),
          text('complaintEmail', '受理来信邮箱', { validate: { required: true, validationType: 'email' } }),
          text('complaintAddress', '来信地址', { validate: { required: true, maxLength: 100 } }),
          area('taskBriefing', '通报的巡查工作任务', { validate: { required: true, minLength: 10, maxLength: 2000 } }),
        ],
      },
      { onsiteStart: '=onsiteStart', unitHeadName: '=unitHeadName' },
    ),
    record('start-onsite', '登记进驻', '三（三）2：进驻被巡查单位', 'onsite-started'),
    deadline('compute-onsite-min', '计算两周现场期', '二（一）：每次巡查时间原则不少于两周（14日，始日不计）', 'calendar-days', 14, 'onsiteMinEnd', 'onsiteStart'),
    { kind: 'end', id: 'entered', name: '已进驻', doc: '三（三）2：进驻完成' },
  ],
  flows: chain('entry-started', 'issue-inspection-notice', 'notify-entry', 'hold-entry-meeting', 'start-onsite', 'compute-onsite-min', 'entered'),
};

export const collectiveFeedback: ProcessModel = {
  id: 'collective-feedback',
  name: '集中反馈',
  doc: '三（三）4：巡查工作报告经区安委会审定后，向被巡查镇（街道）和安委会成员单位主要负责人集中反馈；三（三）6：反馈意见向社会公告。',
  nodes: [
    { kind: 'start', id: 'feedback-started', name: '报告已审定', doc: '三（三）4：报告经区安委会审定' },
    documentTask('issue-feedback-opinion', '制发巡查反馈意见书', '三（三）4：向被巡查单位主要负责人集中反馈', 'feedback-opinion'),
    deadline('compute-feedback-due', '计算反馈期限', '三（三）4：审定后集中反馈（10个工作日）', 'working-days', 10, 'feedbackDue'),
    user(
      'hold-feedback-meeting',
      '向主要负责人集中反馈',
      '三（三）4：巡查工作报告经区安委会审定后，向被巡查单位主要负责人集中反馈',
      groups.teamLeader,
      'feedbackDue',
      {
        id: 'feedback-meeting',
        title: '集中反馈',
        intro: '依据三（三）4，向被巡查镇（街道）或成员单位主要负责人集中反馈巡查意见。收到反馈意见后，被巡查单位须于2个月内报送整改和查处情况（三（三）5）。',
        context: [...context, show('unitHeadName', '主要负责人'), show('feedbackDue', '反馈期限')],
        fields: [
          date('feedbackDate', '反馈日期', { description: '2个月整改期限自反馈次日起算' }),
          text('feedbackPlace', '反馈地点', { validate: { required: true, maxLength: 60 } }),
          num('attendeeCount', '参会人数', 1, 200),
          check('headAttended', '主要负责人已到会听取反馈', { validate: { required: true } }),
          check('receiptSigned', '被巡查单位已签收反馈意见书', { validate: { required: true } }),
          area('feedbackNotes', '反馈情况记录', { validate: { required: false, maxLength: 2000 } }),
        ],
      },
      { feedbackDate: '=feedbackDate' },
    ),
    record('record-feedback', '登记反馈', '三（三）4：集中反馈留痕', 'feedback-given'),
    notify('notify-feedback', '送达反馈意见', '三（三）4：反馈意见送达被巡查单位主要负责人', 'feedback', 'unit-head,unit'),
    service('announce-feedback', '公告巡查反馈意见', '三（三）6：以适当形式将巡查组反馈意见向社会公告', 'yc-announce', { kind: 'feedback' }),
    { kind: 'end', id: 'feedback-given', name: '已反馈', doc: '三（三）4：集中反馈完成' },
  ],
  flows: chain('feedback-started', 'issue-feedback-opinion', 'compute-feedback-due', 'hold-feedback-meeting', 'record-feedback', 'notify-feedback', 'announce-feedback', 'feedback-given'),
};

export const inspectionResults: ProcessModel = {
  id: 'inspection-results',
  name: '巡查结果运用',
  doc: '三（三）6：区安委会将巡查结果纳入对各镇（街道）和成员单位安全生产工作绩效考核内容，并抄送区委组织部、区综治办、区文明办；四（二）：全过程记录存档，闭环管理。',
  nodes: [
    { kind: 'start', id: 'results-started', name: '整改审核完毕', doc: '三（三）6：巡查结果运用' },
    service('score-assessment', '纳入绩效考核', '三（三）6：巡查结果纳入安全生产工作绩效考核', 'yc-assessment', { action: 'score' }),
    documentTask('issue-results-bulletin', '制发巡查结果抄送函', '三（三）6：抄送区委组织部、区综治办、区文明办', 'results-bulletin'),
    service('copy-results', '抄送考核结果', '三（三）6：抄送区委组织部、区综治办、区文明办', 'yc-assessment', { action: 'copy' }),
    notify('notify-copy-offices', '通知抄送单位', '三（三）6：抄送区委组织部、区综治办、区文明办', 'results-copy', 'copy-offices'),
    record('close-inspection', '巡查归档销案', '四（二）：全过程记录存档备用，闭环管理', 'inspection-closed'),
    { kind: 'end', id: 'results-used', name: '结果已运用', doc: '三（三）6：纳入考核并抄送' },
  ],
  flows: chain('results-started', 'score-assessment', 'issue-results-bulletin', 'copy-results', 'notify-copy-offices', 'close-inspection', 'results-used'),
};
