import { area, show, showArea, text } from '../form-model';
import { chain, type ProcessModel } from '../model';
import { deadline, documentTask, groups, notify, service, user } from '../tasks';

export const problemHandover: ProcessModel = {
  id: 'problem-handover',
  name: '问题移交',
  doc: '三（三）4：依据职责分工将问题移交区有关部门、镇（街道）和成员单位依法依规调查处理：移交函、签收回执、办理结果期限、逾期催办；四（二）：闭环管理。',
  nodes: [
    { kind: 'start', id: 'handover-started', name: '决定移交', doc: '三（三）4：分类处置决定移交' },
    deadline('compute-result-due', '计算办理结果期限', '三（三）4：移交函载明办理结果报送期限（30日）', 'calendar-days', 30, 'resultDue'),
    documentTask('issue-handover-letter', '制发问题移交函', '三（三）4：移交区有关部门依法依规调查处理', 'handover-letter'),
    service('send-handover', '送达移交函', '三（三）4：依据职责分工移交', 'yc-handover', { action: 'send' }),
    deadline('compute-receipt-due', '计算签收期限', '三（三）4：承办部门签收回执（3个工作日）', 'working-days', 3, 'receiptDue'),
    { kind: 'receive', id: 'await-receipt', name: '等待签收回执', doc: '三（三）4：承办部门签收', message: 'handover-receipt' },
    { kind: 'boundary', id: 'receipt-overdue', name: '逾期未签收', doc: '三（三）4：逾期未签收催办', attachedTo: 'await-receipt', interrupting: true, timerDate: '=receiptDue' },
    notify('chase-receipt', '催办签收', '二（一）：安委办会同巡查组做好督办工作', 'handover-overdue', 'department,office'),
    service('record-receipt', '登记签收', '三（三）4：签收回执存档', 'yc-handover', { action: 'receipt' }),
    { kind: 'boundary', id: 'handover-refused', name: '部门退回', doc: '三（三）4：依据职责分工移交；承办部门认为不属其职责', attachedTo: 'record-receipt', interrupting: true, error: 'HANDOVER_REFUSED' },
    deadline('compute-reassign-due', '计算重新指定期限', '三（三）4：重新确定承办部门（3个工作日）', 'working-days', 3, 'reassignDue'),
    user(
      'reassign-department',
      '重新确定承办部门',
      '三（三）4：依据职责分工确定承办部门；二（一）：安委办承担综合协调工作',
      groups.office,
      'reassignDue',
      {
        id: 'handover-reassign',
        title: '重新确定承办部门',
        intro: '承办部门认为该问题不属其职责并退回。请依据职责分工（三（三）4）重新确定承办部门。',
        context: [show('unitName', '被巡查单位'), show('problemId', '问题编号'), show('departmentCode', '原承办部门'), showArea('refusalReason', '退回理由')],
        fields: [
          text('newDepartmentCode', '新承办部门编码', { validate: { required: true, pattern: '^YC-M-[0-9]{2}$|^3704040[0-9]{5}$' } }),
          area('reassignReason', '确定理由（职责依据）', { validate: { required: true, minLength: 4, maxLength: 1000 } }),
        ],
      },
      { departmentCode: '=newDepartmentCode' },
      { refusalReason: '=if refusalReason = null then "" else refusalReason' },
    ),
    { kind: 'receive', id: 'await-result', name: '等待办理结果', doc: '三（三）4：承办部门依法依规调查处理并报送结果', message: 'handover-result' },
    { kind: 'boundary', id: 'result-overdue', name: '结果逾期', doc: '三（三）4：办理结果逾期催办', attachedTo: 'await-result', interrupting: true, timerDate: '=resultDue' },
    notify('chase-result', '催办办理结果', '二（一）：会同巡查组做好督办工作', 'handover-overdue', 'department,office'),
    deadline('compute-chased-result-due', '计算催办后期限', '三（三）4：催办后限期报送（10个工作日）', 'working-days', 10, 'resultDue'),
    service('record-result', '登记办理结果', '四（二）：问题处理闭环', 'yc-handover', { action: 'result' }),
    { kind: 'end', id: 'handover-done', name: '移交办结', doc: '四（二）：所有问题的处理实行闭环管理' },
  ],
  flows: [
    ...chain('handover-started', 'compute-result-due', 'issue-handover-letter', 'send-handover', 'compute-receipt-due', 'await-receipt'),
    ...chain('await-receipt', 'record-receipt', 'await-result', 'record-result', 'handover-done'),
    ...chain('receipt-overdue', 'chase-receipt', 'compute-receipt-due'),
    ...chain('handover-refused', 'compute-reassign-due', 'reassign-department', 'issue-handover-letter'),
    ...chain('result-overdue', 'chase-result', 'compute-chased-result-due', 'await-result'),
  ],
};
