import { area, check, choice, date, num, show, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, groups, notify, service, user } from '../tasks';

const context = [show('unitName', '属地单位'), show('listingNo', '挂牌编号'), show('rectifyDue', '整改期限')];

export const hazardAcceptance: ProcessModel = {
  id: 'hazard-acceptance',
  name: '挂牌隐患验收销号',
  doc: '三（三）4：区安委会挂牌督办的重大事故隐患整改完成后验收、销号并公布摘牌；实践（domain.md §2.3）：申请后10日内现场验收，验收审批表，安委办抽查，销号后5个工作日内公布。',
  nodes: [
    { kind: 'start', id: 'acceptance-started', name: '收到验收申请', doc: '三（三）4：整改完成，书面申请验收' },
    deadline('compute-acceptance-due', '计算10日验收期限', '三（三）4：实践：收到申请后10日内现场验收（暂行规定、湖北）', 'calendar-days', 10, 'acceptanceDue'),
    user(
      'inspect-on-site',
      '现场核查验收',
      '三（三）4：承办部门依法依规现场核查验收重大事故隐患整改情况',
      groups.department,
      'acceptanceDue',
      {
        id: 'hazard-acceptance',
        title: '重大事故隐患整改验收',
        intro: '督办部门在收到验收申请后10日内组织现场核查验收；验收结论写入整改验收审批表。',
        context: [...context, show('acceptanceDue', '验收期限')],
        fields: [
          date('acceptanceDate', '验收日期'),
          text('acceptanceExperts', '验收专家/组长', { validate: { required: true, maxLength: 100 } }),
          num('fundsSpent', '实际投入资金（万元）', 0, 100000),
          area('acceptanceFindings', '核查情况', { validate: { required: true, minLength: 10, maxLength: 3000 } }),
          choice('radio', 'acceptanceResult', '验收结论', [
            ['passed', '验收通过'],
            ['failed', '验收不通过'],
          ]),
        ],
      },
      { acceptanceResult: '=acceptanceResult', acceptanceFindings: '=acceptanceFindings' },
    ),
    service('record-acceptance', '登记验收结论', '三（三）4：验收结论存档', 'yc-hazard', { action: 'accept' }),
    { kind: 'boundary', id: 'acceptance-failed', name: '验收不通过', doc: '三（三）4：验收不通过继续整改', attachedTo: 'record-acceptance', interrupting: true, error: 'ACCEPTANCE_FAILED' },
    notify('notify-acceptance-failed', '通知继续整改', '三（三）4：验收不通过，继续挂牌整改', 'listing', 'department,unit,enterprise', {
      outputs: { delisted: '=false' },
    }),
    { kind: 'end', id: 'acceptance-not-passed', name: '继续整改', doc: '三（三）4：继续挂牌督办' },
    deadline('compute-delisting-due', '计算销号审批期限', '三（三）4：销号审批（5个工作日）', 'working-days', 5, 'delistingDue'),
    user(
      'approve-delisting',
      '抽查并审批销号',
      '三（三）4：区安委会挂牌督办，销号由挂牌机关决定；二（一）：安委办会同巡查组做好隐患整改督办',
      groups.office,
      'delistingDue',
      {
        id: 'hazard-delisting',
        title: '挂牌隐患销号审批',
        intro: '安委办对验收情况进行抽查，并报请挂牌机关销号；销号后5个工作日内公布摘牌信息。',
        context: [...context, show('acceptanceFindings', '验收核查情况'), show('delistingDue', '审批期限')],
        fields: [
          check('spotChecked', '安委办已抽查', { validate: { required: true } }),
          choice('radio', 'delistDecision', '销号决定', [
            ['delist', '同意销号'],
            ['keep', '暂不销号，继续整改'],
          ]),
          area('delistOpinion', '意见', { validate: { required: true, minLength: 2, maxLength: 1000 } }),
        ],
      },
      { delistDecision: '=delistDecision', delisted: '=delistDecision = "delist"' },
    ),
    { kind: 'xor', id: 'delist-approved', name: '同意销号？', doc: '三（三）4：挂牌机关销号' },
    service('delist-hazard', '销号', '三（三）4：挂牌督办隐患销号', 'yc-hazard', { action: 'delist' }),
    service('publish-delisting', '5个工作日内公布摘牌', '三（三）6：向社会公告；实践：销号后5个工作日内公布（青岛）', 'yc-hazard', { action: 'publish-delisting' }),
    service('announce-delisting', '社会公告摘牌', '三（三）6：向社会公告', 'yc-announce', { kind: 'delisting' }),
    { kind: 'end', id: 'hazard-delisted', name: '已销号', doc: '四（二）：闭环管理' },
    { kind: 'end', id: 'delisting-refused', name: '暂不销号', doc: '三（三）4：继续挂牌督办' },
  ],
  flows: [
    ...chain('acceptance-started', 'compute-acceptance-due', 'inspect-on-site', 'record-acceptance', 'compute-delisting-due', 'approve-delisting', 'delist-approved'),
    f('delist-approved', 'delist-hazard', { name: '同意', isDefault: true }),
    f('delist-approved', 'delisting-refused', { name: '暂不销号', condition: '=delistDecision = "keep"' }),
    ...chain('delist-hazard', 'publish-delisting', 'announce-delisting', 'hazard-delisted'),
    ...chain('acceptance-failed', 'notify-acceptance-failed', 'acceptance-not-passed'),
  ],
};
