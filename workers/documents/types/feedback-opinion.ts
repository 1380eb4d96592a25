import { problemsOf } from '../../../src/db/registers/inspections';
import { addMonths, endOfDay } from '../../../src/domain/calendar';
import { CATEGORIES, type Category } from '../../../src/domain/problems';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, loadInspection, numbered, unitName } from '../sources';

/** 巡查反馈意见书: the approved problems and the two months to report their rectification (三（三）4–5). */
export const feedbackOpinion: DocumentTemplate = {
  name: '巡查反馈意见书',
  issuer: 'committee',
  async compose({ db, today, calendar }, v) {
    const i = await loadInspection(db, v.inspectionId);
    const unit = await unitName(db, i.unit_code);
    const problems = await problemsOf(db, i.id);
    // before the feedback meeting fixes it, the due date is two months from this opinion (三（三）5)
    const due = v.rectificationDue ?? i.rectification_due ?? endOfDay(addMonths(calendar, today, 2));
    return {
      subject: `inspection:${i.id}`, title: `关于${unit}安全生产巡查情况的反馈意见`, mainRecipient: unit, publicity: '此件依申请公开',
      paragraphs: [
        problems.length ? '巡查工作报告已经区安委会审定。现将巡查发现的主要问题反馈如下：' : '巡查工作报告已经区安委会审定。本次巡查未发现需要反馈的问题。',
        ...numbered(problems.map((p) => `（${CATEGORIES[p.category as Category] ?? p.category}）${clause(p.description)}${p.legal_basis ? `（依据：${clause(p.legal_basis)}）` : ''}`)),
        `请你单位主要负责人切实履行整改第一责任人职责，逐项制定整改措施，于${chineseDate(due)}前将整改情况和调查处理报告报区安委会。`,
      ],
    };
  },
};
