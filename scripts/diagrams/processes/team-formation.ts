import { area, choice, list, show, showArea, tags, text } from '../form-model';
import { chain, f, type ProcessModel } from '../model';
import { deadline, groups, notify, record, service, user } from '../tasks';

const personPattern = { pattern: '^[A-Za-z0-9-]{2,32}$' };

export const teamFormation: ProcessModel = {
  id: 'team-formation',
  name: '巡查组组建',
  doc: '二（一）：区安委会组织2-3个巡查组，每组6-8人，组长、副组长各1名；二（三）：安委办提出人员组成方案，呈报区安委会审批，不适合人员及时调整；四（一）：在职人员与原单位工作脱钩。',
  nodes: [
    { kind: 'start', id: 'formation-started', name: '需要组建或调整巡查组', doc: '二（三）：选配巡查组组长、副组长、工作人员' },
    deadline('compute-proposal-due', '计算方案提出期限', '二（三）：安委办提出人员组成方案（5个工作日）', 'working-days', 5, 'teamProposalDue'),
    user(
      'propose-teams',
      '提出巡查组人员组成方案',
      '二（三）：由区安委会办公室提出各巡查组人员组成方案；二（二）：巡查工作人员应符合四项条件',
      groups.office,
      'teamProposalDue',
      {
        id: 'team-proposal',
        title: '巡查组人员组成方案',
        intro:
          '依据二（一）、二（三）：组织2-3个巡查组，每组6-8人（含组长、副组长各1名）；组长由熟悉安全生产监管工作的科级干部担任，副组长由从事安全生产监管工作的科级干部担任。人员应符合二（二）规定的条件，并注意回避。',
        context: [
          show('year', '巡查年度'),
          show('teamProposalDue', '提出期限'),
          showArea('teamProblemsText', '自动检查发现的问题', { hideIf: '=teamProblemsText = ""' }),
          showArea('returnOpinion', '区安委会退回意见', { hideIf: '=returnOpinion = ""' }),
        ],
        fields: [
          list('teams', '巡查组', [
            text('name', '巡查组名称', { description: '如“第一巡查组”', validate: { required: true, maxLength: 30 } }),
            text('leaderId', '组长（人员编号）', { validate: { required: true, ...personPattern } }),
            text('deputyId', '副组长（人员编号）', { validate: { required: true, ...personPattern } }),
            tags('memberIds', '工作人员（人员编号）', { description: '连同组长、副组长共6-8人' }),
            tags('expertIds', '安全生产专家（人员编号）', { validate: { required: false } }),
            tags('unitCodes', '负责巡查的单位编码'),
          ]),
          area('recusalStatement', '回避情况说明', { validate: { required: true, minLength: 2, maxLength: 1000 } }),
        ],
      },
      { teams: '=teams', recusalStatement: '=recusalStatement' },
      {
        teamProblemsText: '=if teamProblems = null then "" else string join(teamProblems, "；")',
        returnOpinion: '=if teamDecision = "return" then teamOpinion else ""',
      },
    ),
    service('check-teams', '自动检查人员组成', '二（一）：2-3个组、每组6-8人、组长副组长各1名；二（三）：严格标准条件', 'yc-team-check'),
    { kind: 'xor', id: 'teams-valid', name: '组成是否合规？', doc: '二（一）：人数和职务要求' },
    deadline('compute-team-approval-due', '计算审批期限', '二（三）：呈报区安委会审批（5个工作日）', 'working-days', 5, 'teamApprovalDue'),
    user(
      'approve-teams',
      '区安委会审批人员组成方案',
      '二（三）：巡查组人员组成方案呈报区安委会审批',
      groups.committee,
      'teamApprovalDue',
      {
        id: 'team-approval',
        title: '审批巡查组人员组成方案',
        intro: '区安委会审批安委办提出的各巡查组人员组成方案（二（三））。巡查组实行组长负责制。',
        context: [show('year', '巡查年度'), showArea('teamSummary', '人员组成概要'), show('teamApprovalDue', '审批期限')],
        fields: [
          choice('radio', 'teamDecision', '审批结论', [
            ['approve', '批准'],
            ['return', '退回调整'],
          ]),
          area('teamOpinion', '审批意见', { validate: { required: true, minLength: 2, maxLength: 1000 } }),
        ],
      },
      { teamDecision: '=teamDecision', teamOpinion: '=teamOpinion' },
      { teamSummary: '=string join(for t in teams return t.name + "：组长 " + t.leaderId + "，副组长 " + t.deputyId, "；")' },
    ),
    { kind: 'xor', id: 'teams-approved', name: '是否批准？', doc: '二（三）：区安委会审批' },
    record('record-teams', '登记巡查组', '二（三）：巡查人员在一个巡查工作周期内相对固定', 'teams-approved', {
      outputs: { teamIds: '=teamIds' },
    }),
    notify(
      'notify-members',
      '通知组员及其原单位（脱钩）',
      '四（一）：成员单位为派出人员提供支持保障，在职人员与原单位工作脱钩',
      'team-notice',
      'team-members,member-home-units',
    ),
    { kind: 'end', id: 'teams-formed', name: '巡查组已组建', doc: '二（一）：巡查组组建完成' },
  ],
  flows: [
    ...chain('formation-started', 'compute-proposal-due', 'propose-teams', 'check-teams', 'teams-valid'),
    f('teams-valid', 'compute-team-approval-due', { name: '合规', isDefault: true }),
    f('teams-valid', 'propose-teams', { name: '不合规，调整', condition: '=teamValid = false' }),
    ...chain('compute-team-approval-due', 'approve-teams', 'teams-approved'),
    f('teams-approved', 'record-teams', { name: '批准', isDefault: true }),
    f('teams-approved', 'propose-teams', { name: '退回调整', condition: '=teamDecision = "return"' }),
    ...chain('record-teams', 'notify-members', 'teams-formed'),
  ],
};
