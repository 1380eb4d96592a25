import { getProblem } from '../../../src/db/registers/inspections';
import { addWorkingDays, endOfDay } from '../../../src/domain/calendar';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, loadInspection, need, unitName } from '../sources';

/** Working days the unit has to rectify after a 督办函. */
const SUPERVISED_WORKING_DAYS = 10;

/** 督办函: a rung of the escalation ladder for an overdue rectification. */
export const supervisionLetter: DocumentTemplate = {
  name: '督办函',
  issuer: 'committee',
  async compose({ db, today, calendar }, v) {
    const due = chineseDate(endOfDay(addWorkingDays(calendar, today, SUPERVISED_WORKING_DAYS)));
    const closing = `请你单位主要负责人亲自督办，于${due}前完成整改并书面报告区安委会。逾期仍未整改的，将按规定约谈、通报并挂牌督办。`;
    if (!v.problemId) {
      // A whole inspection's rectification report is overdue.
      const i = await loadInspection(db, need(v.inspectionId, 'problemId or inspectionId'));
      return {
        subject: `inspection:${i.id}`, title: '安全生产巡查整改督办函', mainRecipient: await unitName(db, i.unit_code), publicity: '此件依申请公开',
        paragraphs: [
          `区安委会巡查反馈意见要求你单位${i.rectification_due ? `于${chineseDate(i.rectification_due)}前` : '在收到反馈意见之日起2个月内'}报送整改情况和调查处理报告，至今未报送。`,
          closing,
        ],
      };
    }
    const p = await getProblem(db, v.problemId);
    if (!p) throw new InputError(`no problem ${v.problemId}`);
    return {
      subject: `problem:${p.id}`, title: '安全生产问题整改督办函', mainRecipient: await unitName(db, p.unit_code), publicity: '此件依申请公开',
      paragraphs: [
        `巡查反馈你单位的问题“${clause(p.description)}”${p.due ? `应于${chineseDate(p.due)}前完成整改，` : ''}至今未按期完成整改。`,
        closing,
      ],
    };
  },
};
