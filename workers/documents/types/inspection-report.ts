import { problemsOf } from '../../../src/db/registers/inspections';
import { CATEGORIES, type Category } from '../../../src/domain/problems';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, loadInspection, numbered, period, teamName, unitName } from '../sources';

/** 巡查工作报告 as the committee approved it: the team's findings, causes and suggestions (三（三）3–4). */
export const inspectionReport: DocumentTemplate = {
  name: '巡查工作报告',
  issuer: 'office',
  async compose({ db }, v) {
    const i = await loadInspection(db, v.inspectionId);
    const unit = await unitName(db, i.unit_code);
    const team = (await teamName(db, i.team_id)) ?? '区安委会巡查组';
    const problems = await problemsOf(db, i.id);
    const onsite = i.onsite_start && i.onsite_end ? `于${period(i.onsite_start, i.onsite_end)}` : '';
    // the report's parts in order, numbered 一、二、… as far as they are filled
    const parts: Array<[string, string[]]> = [
      ...(clause(i.report_summary) ? [['基本情况', [`${clause(i.report_summary)}。`]] as [string, string[]]] : []),
      [`发现的问题（共${problems.length}个）`, problems.length
        ? numbered(problems.map((p) => `（${CATEGORIES[p.category as Category] ?? p.category}，${p.severity}）${clause(p.description)}`)) : ['本次巡查未发现问题。']],
      ...(clause(i.report_causes) ? [['原因分析', [`${clause(i.report_causes)}。`]] as [string, string[]]] : []),
      ...(clause(i.report_suggestions) ? [['意见建议', [`${clause(i.report_suggestions)}。`]] as [string, string[]]] : []),
    ];
    return {
      subject: `inspection:${i.id}`, title: `关于对${unit}安全生产巡查情况的报告`, mainRecipient: '区安委会', publicity: '此件不予公开',
      paragraphs: [
        `${team}${onsite}对${unit}开展了安全生产巡查${i.report_submitted_at ? `，于${chineseDate(i.report_submitted_at)}报送巡查工作报告` : ''}${i.report_approved_at ? `，报告经区安委会于${chineseDate(i.report_approved_at)}审定` : ''}。现将有关情况报告如下。`,
        ...parts.flatMap(([head, body], n) => [`${'一二三四五六七八九十'[n]}、${head}`, ...body]),
      ],
    };
  },
};
