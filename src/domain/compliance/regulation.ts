/**
 * What the regulation itself (processes/README.md cites it clause by clause) sets as obligations and deadlines.
 * Everything else a diagram schedules is practice: shown as such, never as clause text.
 */
export interface RegulationDeadline {
  /** How the regulation words the deadline. */
  text: string;
  /** The deadline rule (workers/deadline.ts) and amount that implement it … */
  rule?: 'calendar-days' | 'working-days' | 'months';
  amount?: number;
  /** … with this wording in the computing task's citation, so that a like interval of another rule is not taken for it. */
  keyword?: string;
  /** Deadlines handed down by the calling process rather than computed (process variables). */
  variables?: string[];
}

export interface RegulationClause {
  clause: string;
  obligation: string;
  deadlines: RegulationDeadline[];
  /**
   * Obligations a service task keeps (a notice, a copy, a publication): a service task citing this clause with one of
   * these words is a step of the clause table, counted when reached and kept when done.
   */
  steps?: string[];
}

export const REGULATION: RegulationClause[] = [
  {
    clause: '一（二）',
    obligation: '每两年全部巡查一遍，每次巡查时间原则不少于两周',
    deadlines: [{ text: '现场巡查不少于两周', rule: 'calendar-days', amount: 14, keyword: '两周', variables: ['onsiteMinEnd'] }],
  },
  {
    clause: '三（三）1',
    obligation: '制定年度巡查工作方案，提前告知被巡查单位；每一轮巡查开始前组织巡查人员集中培训',
    deadlines: [{ text: '每一轮巡查开始前', variables: ['trainingDue'] }],
    steps: ['提前告知'],
  },
  {
    clause: '三（三）3',
    obligation: '巡查结束后15日内向区安委会报送巡查工作报告',
    deadlines: [{ text: '巡查结束后15日内', rule: 'calendar-days', amount: 15, keyword: '15日' }],
  },
  {
    clause: '三（三）4',
    obligation: '巡查工作报告经区安委会审定后向主要负责人集中反馈；问题分类处置、移交，重大事故隐患由区安委会挂牌督办',
    deadlines: [],
    steps: ['反馈意见送达'],
  },
  {
    clause: '三（三）5',
    obligation: '收到巡查组反馈意见后认真整改，2个月内将整改和查处情况报送区安委会审核',
    deadlines: [{ text: '收到反馈意见后2个月内', rule: 'months', amount: 2, keyword: '2个月' }],
  },
  {
    clause: '三（三）6',
    obligation: '巡查结果纳入绩效考核，抄送区委组织部、区综治办、区文明办；反馈意见和整改情况向社会公告',
    deadlines: [],
    steps: ['抄送', '公告'],
  },
  {
    clause: '四（二）',
    obligation: '开展重点约谈并要求及时报告落实情况；所有问题的处理实行闭环管理',
    deadlines: [],
  },
];

/** The curated clause a citation such as "四（二）一" or "三（三）5" belongs to. */
export function regulationClause(citation: string): RegulationClause | undefined {
  return REGULATION.find((r) => citation === r.clause || (citation.startsWith(r.clause) && !/^\d/.test(citation.slice(r.clause.length))));
}
