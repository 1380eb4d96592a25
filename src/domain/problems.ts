/** The nine content areas of the seed as problem categories, and the severities of a finding. */
export const CATEGORIES = {
  C1: '贯彻落实党中央、国务院安全生产决策部署和指示批示',
  C2: '落实省市区安全生产决策部署和安委会工作任务',
  C3: '落实安全生产责任制和目标考核奖惩',
  C4: '安全生产规划、投入、科技和培训',
  C5: '事故预防：双重预防机制、标准化、打非治违、专项整治',
  C6: '安全监管体系、执法能力和应急管理',
  C7: '安全生产诚信体系和举报核查',
  C8: '事故调查处理、责任追究和事故报告',
  C9: '安委会部署的其他工作',
} as const;
export type Category = keyof typeof CATEGORIES;
export const SEVERITIES = ['一般', '较大', '重大'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Route = 'handover' | 'listing' | 'accountability' | 'rectify';

/**
 * Default disposal (分类处置) where the decision table is not called: a 重大 finding is listed for supervision
 * (挂牌督办); a 较大 or 重大 failure of responsibility or accident handling (C3, C8) becomes an accountability
 * lead; an enterprise or industry matter goes to the supervising department (移交); the rest the unit rectifies.
 */
export function classify(problem: { category: Category; severity: Severity; industry?: string | null; enterpriseCode?: string | null }): Route {
  if (problem.severity === '重大') return 'listing';
  if ((problem.category === 'C3' || problem.category === 'C8') && problem.severity === '较大') return 'accountability';
  if (problem.industry || problem.enterpriseCode) return 'handover';
  return 'rectify';
}
