import { getProblem, problemsOf } from '../../../src/db/registers/inspections';
import { addMonths, endOfDay } from '../../../src/domain/calendar';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, loadInspection, numbered, unitName } from '../sources';

/** 整改通知: the problems to rectify and the day the report is due (三（三）5). */
export const rectificationNotice: DocumentTemplate = {
  name: '整改通知',
  issuer: 'office',
  async compose({ db, today, calendar }, v) {
    const p = v.problemId ? await getProblem(db, v.problemId) : undefined;
    const i = await loadInspection(db, v.inspectionId ?? p?.inspection_id);
    const problems = p ? [p] : await problemsOf(db, i.id);
    const due = v.rectificationDue ?? (p ? p.due : undefined) ?? i.rectification_due ?? endOfDay(addMonths(calendar, today, 2));
    return {
      subject: p ? `problem:${p.id}` : `inspection:${i.id}`, title: '安全生产问题整改通知', mainRecipient: await unitName(db, i.unit_code), publicity: '此件依申请公开',
      paragraphs: [
        '巡查发现你单位存在以下问题，请立即组织整改：',
        ...numbered(problems.map((x) => clause(x.description))),
        `请于${chineseDate(due)}前将整改情况和调查处理情况报送区安委会。`,
      ],
    };
  },
};
