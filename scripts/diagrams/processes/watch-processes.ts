// The periodic and external processes around the inspection: 回头看, coverage watch, city inspection liaison.
import { area, choice, date, list, num, show, showArea, tags, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, groups, notify, service, user } from '../tasks';
import { problemFields } from './onsite-work';

export const followUpSampling: ProcessModel = {
  id: 'follow-up-sampling',
  name: '整改回头看抽查',
  doc: '四（二）二：所有问题的处理实行闭环管理；实践（domain.md §1.5）：每月从巡查问题和隐患清单中随机抽取3个单位回头看，当月15日前完成核查。',
  nodes: [
    { kind: 'start', id: 'month-started', name: '每月1日9时', doc: '四（二）二：闭环管理——每月回头看（cron 按 UTC，即北京时间9时）', timerCycle: '0 0 1 1 * *' },
    service('sample-units', '随机抽取3个单位', '四（二）二：闭环管理；实践：双随机抽取3个单位', 'yc-sample', {}, {
      inputs: { month: '=substring(string(today()), 1, 7)' },
    }),
    deadline('compute-sample-due', '计算核查期限（15日前）', '四（二）二：闭环管理；实践：当月15日前完成回头看核查', 'calendar-days', 14, 'sampleDue'),
    notify('notify-sample', '通知抽查任务', '四（二）二：闭环管理', 'followup-sample', 'office,team-leader'),
    {
      ...user(
      'check-rectification',
      '回头看核查整改情况',
      '四（二）二：所有问题的处理实行闭环管理；三（三）5：核实整改落实',
      groups.team,
      'sampleDue',
      {
        id: 'follow-up-check',
        title: '回头看核查',
        intro: '对抽中单位的巡查问题和隐患清单逐项复核整改情况（四（二）：闭环管理）。',
        context: [show('unitCode', '抽中单位编码'), show('sampleDue', '核查期限')],
        fields: [
          date('checkedOn', '核查日期'),
          num('itemsChecked', '复核问题数', 0, 500),
          num('itemsUnrectified', '未整改或整改不到位问题数', 0, 500),
          area('followUpFindings', '核查情况', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
        ],
      },
      { unitResult: '={unitCode: unitCode, unrectified: itemsUnrectified}' },
      ),
      multi: { collection: '=sampledUnits', element: 'unitCode', outputCollection: 'followUpResults', outputElement: '=unitResult' },
    },
    { kind: 'xor', id: 'all-rectified', name: '均已整改？', doc: '四（三）：不得拒不整改或不按要求整改；山东实践：整改不到位的挂牌督办并追责' },
    notify('report-unrectified', '报告整改不到位单位', '二（一）：向区安委会报告重要情况；四（三）：拒不整改的严肃处理', 'escalation', 'office,committee'),
    { kind: 'end', id: 'follow-up-reported', name: '已报告', doc: '四（三）' },
    { kind: 'end', id: 'follow-up-done', name: '回头看完成', doc: '四（二）二：闭环管理' },
  ],
  flows: [
    ...chain('month-started', 'sample-units', 'compute-sample-due', 'notify-sample', 'check-rectification', 'all-rectified'),
    f('all-rectified', 'follow-up-done', { name: '是', isDefault: true }),
    f('all-rectified', 'report-unrectified', { name: '否', condition: '=some r in followUpResults satisfies r.unrectified > 0' }),
    f('report-unrectified', 'follow-up-reported'),
  ],
};

export const coverageWatch: ProcessModel = {
  id: 'coverage-watch',
  name: '两年全覆盖监测',
  doc: '一（二）：对镇（街）、区安委会成员单位每两年全部巡查一遍；每月检查覆盖情况并提醒区安委会办公室。',
  nodes: [
    { kind: 'start', id: 'coverage-check-due', name: '每月2日8时检查覆盖', doc: '一（二）：每两年全部巡查一遍（cron 按 UTC，即北京时间8时）', timerCycle: '0 0 0 2 * *' },
    service('check-coverage', '计算两年周期覆盖情况', '一（二）：每两年全部巡查一遍', 'yc-coverage'),
    { kind: 'xor', id: 'coverage-ok', name: '全覆盖？', doc: '一（二）：每两年全部巡查一遍' },
    notify('warn-office', '提醒安委办', '一（二）：覆盖不足时提醒；二（一）：安委办负责制定巡查工作方案', 'coverage-warning', 'office'),
    deadline('compute-gap-due', '计算安排期限', '二（一）：安委办调整巡查工作方案（10个工作日）', 'working-days', 10, 'coverageGapDue'),
    user(
      'plan-gap-inspections',
      '安排未覆盖单位的巡查',
      '一（二）：每两年全部巡查一遍；三（三）1：调整年度巡查工作方案',
      groups.office,
      'coverageGapDue',
      {
        id: 'coverage-gap',
        title: '安排未覆盖单位的巡查',
        intro: '依据一（二），各镇（街道）和区安委会成员单位每两年全部巡查一遍。以下单位在本周期内尚未巡查，请安排补充巡查或纳入下一轮。',
        context: [showArea('coverageGapsText', '尚未巡查的单位'), show('coverageGapDue', '安排期限')],
        fields: [
          choice('radio', 'gapArrangement', '安排方式', [
            ['next-round', '纳入下一轮巡查'],
            ['special', '组织专项巡查'],
          ]),
          tags('arrangedUnits', '已安排的单位编码'),
          area('gapNotes', '说明', { validate: { required: false, maxLength: 1000 } }),
        ],
      },
      { gapArrangement: '=gapArrangement' },
      { coverageGapsText: '=string join(coverageGaps, "，")' },
    ),
    { kind: 'end', id: 'gaps-arranged', name: '已安排', doc: '一（二）' },
    { kind: 'end', id: 'coverage-fine', name: '覆盖正常', doc: '一（二）' },
  ],
  flows: [
    ...chain('coverage-check-due', 'check-coverage', 'coverage-ok'),
    f('coverage-ok', 'coverage-fine', { name: '是', isDefault: true }),
    f('coverage-ok', 'warn-office', { name: '否', condition: '=coverageOk = false' }),
    ...chain('warn-office', 'compute-gap-due', 'plan-gap-inspections', 'gaps-arranged'),
  ],
};

export const cityInspectionLiaison: ProcessModel = {
  id: 'city-inspection-liaison',
  name: '配合市级巡查',
  doc: '二（一）：区安委会办公室负责衔接、联络、配合市安委会对我区的巡查工作；市级巡查发现的问题按三（三）4分类处置，按三（三）5报送整改情况。',
  nodes: [
    { kind: 'start', id: 'city-announced', name: '市安委会通知巡查', doc: '二（一）：配合市安委会对我区的巡查', message: 'city-inspection-announced' },
    deadline('compute-liaison-due', '计算准备期限', '二（一）：衔接、联络（5个工作日）', 'working-days', 5, 'liaisonDue'),
    user(
      'prepare-city-inspection',
      '制定迎检联络方案',
      '二（一）：区安委会办公室负责衔接、联络、配合市安委会对我区的巡查工作',
      groups.office,
      'liaisonDue',
      {
        id: 'city-liaison-plan',
        title: '配合市级巡查联络方案',
        intro: '依据二（一），区安委会办公室负责衔接、联络、配合市安委会对我区的巡查工作。',
        context: [show('year', '年度')],
        fields: [
          text('liaisonPerson', '联络人', { validate: { required: true, maxLength: 30 } }),
          text('liaisonPhone', '联系电话', { validate: { required: true, pattern: '^(0632-?)?[0-9]{7,8}$|^1[3-9][0-9]{9}$' } }),
          date('cityOnsiteStart', '市巡查组进驻日期'),
          date('cityOnsiteEnd', '市巡查组结束日期'),
          area('materialsPrepared', '准备的汇报材料', { validate: { required: true, minLength: 4, maxLength: 2000 } }),
        ],
      },
      { cityOnsiteEnd: '=cityOnsiteEnd' },
    ),
    deadline('compute-city-feedback-due', '计算反馈登记期限', '二（一）：配合市级巡查（结束后30日）', 'calendar-days', 30, 'cityFeedbackDue', 'cityOnsiteEnd'),
    user(
      'register-city-feedback',
      '登记市级巡查反馈问题',
      '二（一）：配合市安委会巡查；三（三）4：发现问题分类处置',
      groups.office,
      'cityFeedbackDue',
      {
        id: 'city-feedback',
        title: '市级巡查反馈问题登记',
        intro: '登记市安委会巡查组反馈的问题，逐项分类处置（三（三）4）。',
        context: [show('cityFeedbackDue', '登记期限')],
        fields: [date('cityFeedbackDate', '市级反馈日期'), list('problems', '反馈问题', [text('unitCode', '责任单位编码', { validate: { required: true, maxLength: 20 } }), ...problemFields])],
      },
      { problems: '=problems', cityFeedbackDate: '=cityFeedbackDate' },
    ),
    {
      kind: 'call',
      id: 'dispose-city-problems',
      name: '逐项分类处置',
      doc: '三（三）4：分类处置后移交有关部门，重大事故隐患挂牌督办',
      processId: 'problem-disposal',
      inputs: { problem: '=problem', problemId: '=null', unitCode: '=problem.unitCode', unitName: '=problem.unitCode', inspectionId: '=null' },
      outputs: {},
      multi: { collection: '=problems', element: 'problem' },
    },
    deadline('compute-city-report-due', '计算整改报告期限', '三（三）5：2个月内报送整改情况（参照）', 'months', 2, 'cityReportDue', 'cityFeedbackDate'),
    user(
      'report-to-city',
      '向市安委会报送整改情况',
      '二（一）：衔接、配合市安委会巡查；三（三）5：报送整改和查处情况',
      groups.office,
      'cityReportDue',
      {
        id: 'city-rectification-report',
        title: '向市安委会报送整改情况',
        intro: '汇总市级巡查反馈问题的整改和查处情况，报送市安委会。',
        context: [show('cityReportDue', '报送期限')],
        fields: [
          area('cityReport', '整改和查处情况', { validate: { required: true, minLength: 20, maxLength: 5000 } }),
          text('cityReportNo', '报送文号', { validate: { required: true, pattern: '^峄安(办字|发)〔20[0-9]{2}〕[0-9]{1,4}号$' }, description: '如 峄安办字〔2026〕12号' }),
        ],
      },
      { cityReportNo: '=cityReportNo' },
    ),
    { kind: 'end', id: 'city-inspection-closed', name: '市级巡查配合完毕', doc: '二（一）' },
  ],
  flows: chain(
    'city-announced',
    'compute-liaison-due',
    'prepare-city-inspection',
    'compute-city-feedback-due',
    'register-city-feedback',
    'dispose-city-problems',
    'compute-city-report-due',
    'report-to-city',
    'city-inspection-closed',
  ),
};
