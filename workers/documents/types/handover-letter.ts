import { getProblem } from '../../../src/db/registers/inspections';
import { getHandover } from '../../../src/db/registers/supervision';
import { unitByName } from '../../../src/db/organisation';
import { addWorkingDays, endOfDay } from '../../../src/domain/calendar';
import { ACCOUNTABILITY_OFFICE } from '../../../src/domain/disposal';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, loadInspection, need, numbered, unitName } from '../sources';

/** Working days a department has for its result when the process names no date. */
const RESULT_WORKING_DAYS = 20;

/** 问题移交函: a problem handed to the department responsible, or an accountability referral (三（三）4, 四（二）). */
export const handoverLetter: DocumentTemplate = {
  name: '问题移交函',
  issuer: 'office',
  async compose({ db, today, calendar }, v) {
    const h = v.handoverId ? await getHandover(db, v.handoverId) : undefined;
    const problemId = h?.problem_id ?? v.problemId;
    // Without a department (an accountability referral from the escalation ladder) the letter goes to 区委组织部.
    const deptCode = h?.department_code ?? v.departmentCode ?? (await unitByName(db, ACCOUNTABILITY_OFFICE))?.code;
    const dept = await unitName(db, need(deptCode, 'departmentCode'));
    const due = h?.result_due ?? v.resultDue ?? endOfDay(addWorkingDays(calendar, today, RESULT_WORKING_DAYS));
    const answer = `请于收到本函后签收回执，并于${chineseDate(due)}前将调查处理结果书面反馈区安委办。`;
    if (!problemId) {
      const i = await loadInspection(db, need(v.inspectionId, 'problemId, handoverId or inspectionId'));
      return {
        subject: `inspection:${i.id}`, title: '关于移送安全生产巡查问题线索的函', mainRecipient: dept, publicity: '此件不予公开',
        paragraphs: [
          `${await unitName(db, i.unit_code)}对区安委会巡查反馈的问题整改不力，经催办、督办仍逾期未完成整改，现将有关问题线索移送你单位，请依规依纪依法处理。`,
          answer,
        ],
      };
    }
    const p = await getProblem(db, problemId);
    if (!p) throw new InputError(`no problem ${problemId}`);
    const enterprise = p.enterprise_code ? `（涉及单位：${await unitName(db, p.enterprise_code)}）` : '';
    return {
      subject: `problem:${p.id}`, title: '关于移交安全生产巡查发现问题的函', mainRecipient: dept, publicity: '此件依申请公开',
      paragraphs: [
        `区安委会巡查组在对${await unitName(db, p.unit_code)}开展安全生产巡查中发现以下问题，依据职责分工，现移交你单位依法调查处理：`,
        ...numbered([`${clause(p.description)}${enterprise}${p.legal_basis ? `（依据：${clause(p.legal_basis)}）` : ''}`]),
        answer,
      ],
    };
  },
};
