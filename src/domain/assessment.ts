/**
 * Score sheet (考核评分表) of an inspected unit for the performance assessment, modelled on the national
 * provincial-assessment method: 100 points, deductions per problem by severity and per escalation step
 * reached, then a grade 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格.
 */
export interface ScoreInput {
  problems: { severity: string; escalationLevel: number }[];
  rectificationAccepted: boolean;
}

export const DEDUCTIONS = { 一般: 2, 较大: 5, 重大: 10, perEscalation: 2, rectificationNotAccepted: 10 } as const;

export interface ScoreSheet {
  score: number;
  grade: '优秀' | '良好' | '合格' | '不合格';
  items: { item: string; points: number }[];
}

export function scoreUnit(input: ScoreInput): ScoreSheet {
  const items: { item: string; points: number }[] = [];
  for (const sev of ['一般', '较大', '重大'] as const) {
    const n = input.problems.filter((p) => p.severity === sev).length;
    if (n > 0) items.push({ item: `${sev}问题${n}个`, points: -n * DEDUCTIONS[sev] });
  }
  const steps = input.problems.reduce((sum, p) => sum + p.escalationLevel, 0);
  if (steps > 0) items.push({ item: `逾期升级${steps}次`, points: -steps * DEDUCTIONS.perEscalation });
  if (!input.rectificationAccepted) items.push({ item: '整改未通过审核', points: -DEDUCTIONS.rectificationNotAccepted });
  const score = Math.max(0, 100 + items.reduce((s, i) => s + i.points, 0));
  const grade = score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格';
  return { score, grade, items };
}

/**
 * What an inspection is scored on: its problems, and the escalations of the whole inspection's rectification
 * counted like a problem's (a 通报 deducts points); a rectification not reviewed yet is not held against the unit.
 */
export function inspectionScoreInput(problems: ScoreInput['problems'], inspectionEscalations: number, latestReviewAccepted: boolean | null): ScoreInput {
  return {
    problems: [...problems, ...(inspectionEscalations > 0 ? [{ severity: '', escalationLevel: inspectionEscalations }] : [])],
    rectificationAccepted: latestReviewAccepted ?? true,
  };
}
