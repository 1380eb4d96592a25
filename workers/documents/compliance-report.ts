import { complianceChartData, complianceChartOptions, FIGURE_KEYS, FIGURE_LABEL } from '../../src/domain/compliance/charts';
import { emptyFigures, type Figures, statusOf, sum } from '../../src/domain/compliance/figures';
import { type Compliance } from '../../src/reports/compliance/collect';
import { chineseDate } from '../notify/templates';
import { chartPng } from './chart-image';
import { type ComposedDocument } from './content';
import { type IssuerCode } from '../../src/domain/numbering';
import { type OfficialFigure } from './layout';

/** A calendar quarter in China Standard Time. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First instant of the quarter and of the next one, ISO with +08:00. */
  start: string;
  end: string;
  /** "2026年第四季度" */
  label: string;
  /** "2026-Q4" */
  id: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

function quarterOf(year: number, quarter: number): Quarter {
  const q = quarter as Quarter['quarter'];
  const startMonth = (q - 1) * 3 + 1;
  const next = q === 4 ? { y: year + 1, m: 1 } : { y: year, m: startMonth + 3 };
  return {
    year, quarter: q, start: `${year}-${pad(startMonth)}-01T00:00:00+08:00`, end: `${next.y}-${pad(next.m)}-01T00:00:00+08:00`,
    label: `${year}年第${QUARTER_NAMES[q - 1]}季度`, id: `${year}-Q${q}`,
  };
}

/** The latest quarter that has ended at `now` (China Standard Time): at 2027-01-01 00:00 that is 2026's fourth. */
export function quarterEndedBy(now: Date): Quarter {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const current = Math.floor(china.getUTCMonth() / 3) + 1;
  return current === 1 ? quarterOf(china.getUTCFullYear() - 1, 4) : quarterOf(china.getUTCFullYear(), current - 1);
}

const figureText = (f: Figures) => FIGURE_KEYS.map((k) => `${FIGURE_LABEL[k]}${f[k]}项`).join('，');
const rate = (f: Figures) => (f.onTime + f.late + f.overdue ? `${Math.round((f.onTime / (f.onTime + f.late + f.overdue)) * 1000) / 10}%` : '—');
const LIST_AT_MOST = 20;

const CHART = { width: 560, height: 320 };

/**
 * 条款落实情况季度报告: the office reports to the committee (二（一）: 向区安委会及时报告巡查工作中的重要情况) how each
 * clause was kept, with the figures of the compliance page, its two charts and the overdue items.
 */
export function composeComplianceReport(c: Compliance, quarter: Quarter): Omit<ComposedDocument, 'paragraphs'> & { issuer: IssuerCode; paragraphs: Array<string | OfficialFigure> } {
  const now = new Date(c.asOf);
  const counted = c.rows.filter((r) => r.kind !== 'timer');
  const total = sum(counted.map((r) => r.figures));
  const inQuarter = c.occurrences.filter((o) => o.dueAt >= quarter.start && o.dueAt < quarter.end);
  const quarterFigures = inQuarter.reduce((f, o) => {
    f.due += 1;
    f[statusOf(o, now)] += 1;
    return f;
  }, emptyFigures());

  const clauses = new Map<string, { obligation: string; figures: Figures[]; practiceOnly: boolean }>();
  for (const r of counted) {
    const entry = clauses.get(r.clause) ?? { obligation: r.obligation, figures: [], practiceOnly: true };
    entry.figures.push(r.figures);
    if (r.basis === 'regulation') entry.practiceOnly = false;
    clauses.set(r.clause, entry);
  }
  const clauseLines = [...clauses].map(([clause, e]) => ({ clause, ...e, total: sum(e.figures) })).filter((e) => e.total.due > 0)
    .map((e, i) => `${i + 1}.${e.clause}（${e.obligation}）：${figureText(e.total)}${e.practiceOnly ? '。其期限为工作实践，非条款规定' : ''}。`);

  const byKey = new Map(c.rows.map((r) => [r.key, r]));
  const overdue = c.occurrences.filter((o) => statusOf(o, now) === 'overdue').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const overdueLines = overdue.slice(0, LIST_AT_MOST).map((o, i) => {
    const r = byKey.get(o.row);
    const unit = o.unitCode ? `，${c.unitNames.get(o.unitCode) ?? o.unitCode}` : '';
    return `${i + 1}.${r ? `${r.clause} ` : ''}${o.title}${unit}，期限${chineseDate(o.dueAt)}。`;
  });

  const options = complianceChartOptions(complianceChartData(c.rows, c.byMonth), { titles: true });
  const asOf = chineseDate(c.asOf);
  return {
    issuer: 'office',
    subject: `compliance:${quarter.id}`,
    title: `关于${quarter.label}安全生产巡查条款落实情况的报告`,
    mainRecipient: '区安委会',
    publicity: '此件不予公开',
    paragraphs: [
      `根据《峄城区安全生产巡查工作制度》关于区安委会办公室向区安委会及时报告巡查工作重要情况的规定，现将截至${asOf}巡查工作各项条款的落实情况报告如下。`,
      '一、总体情况',
      `各条款累计${figureText(total)}，按期完成率${rate(total)}。其中期限在${quarter.label}的${figureText(quarterFigures)}。`,
      '二、各条款落实情况',
      ...(clauseLines.length ? clauseLines : ['本期各条款均无应办事项。']),
      { png: chartPng(options.byClause, CHART), ...CHART, caption: '图1 各条款落实情况' },
      { png: chartPng(options.byMonth, CHART), ...CHART, caption: '图2 按月趋势（按期限所在月份）' },
      '三、逾期未办事项',
      ...(overdueLines.length ? overdueLines : ['截至统计时点，无逾期未办事项。']),
      ...(overdue.length > LIST_AT_MOST ? [`另有${overdue.length - LIST_AT_MOST}项逾期未办事项，详见“条款落实情况”明细。`] : []),
      '四、统计口径',
      `统计时点为${asOf}。条款与期限取自各流程图元素的条款引注；条例未规定的期限按工作实践标注，不作为条款规定。“按期完成率”为按期完成数占已到期事项（按期完成、逾期完成、逾期未办）之比。`,
    ],
  };
}
