// 条款落实情况 checked against what the rehearsal played: the clause table the office exports must count every
// inspection report the teams drafted (撰写巡查工作报告, 三（三）3: within 15 days) as done on time or late, a returned
// report's revision included, and the late report the scenario played among the late ones.
import { parseCsv, type Tally } from './tally';
import { type Scenario } from './scenario';
import { type WebClient } from './web-client';

const REPORT_CLAUSE = '三（三）3';
const DRAFT_STEP = '撰写巡查工作报告';
const REPORT_FORM = 'task inspection-report-draft';

export interface ComplianceCheck {
  /** What the table says and what was played, for the log. */
  summary: string;
  /** Disagreements; none when the figures match the rehearsal. */
  mismatches: string[];
}

export async function checkCompliance(office: WebClient, tally: Tally, scenario: Scenario): Promise<ComplianceCheck> {
  const rows = parseCsv(await office.complianceCsv()).filter((r) => r['条款'] === REPORT_CLAUSE && r['环节'] === DRAFT_STEP);
  const sum = (label: string) => rows.reduce((n, r) => n + (Number(r[label]) || 0), 0);
  const [onTime, late] = [sum('按期完成'), sum('逾期完成')];
  const drafted = tally.submissions.filter((s) => s.kind === REPORT_FORM && s.accepted).length;
  const latePlayed = scenario.played.has('late report') ? 1 : 0;
  const mismatches: string[] = [];
  if (!rows.length) mismatches.push(`the clause table has no row for ${REPORT_CLAUSE} ${DRAFT_STEP}`);
  if (onTime + late !== drafted) mismatches.push(`${REPORT_CLAUSE}: ${onTime + late} reports done in the table, ${drafted} drafted`);
  if (late < latePlayed) mismatches.push(`${REPORT_CLAUSE}: ${late} late in the table, ${latePlayed} late report played`);
  return { summary: `${REPORT_CLAUSE} on time ${onTime}, late ${late}; drafted ${drafted}, late played ${latePlayed}`, mismatches };
}
