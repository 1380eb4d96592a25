import { getPlan } from '../../../src/db/registers/inspections';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, need, numbered, period, unitName } from '../sources';

interface PlanData {
  year: number;
  cycleStart?: string;
  planTitle?: string;
  planTheme?: string;
  inspectionKind?: string;
  units: string[];
  rounds: Array<{ no: number; start: string; end: string; units: string[] }>;
}

/** 年度巡查工作方案 as the committee approved it: theme, rounds with their dates and units (三（三）1). */
export const annualPlan: DocumentTemplate = {
  name: '年度巡查工作方案',
  issuer: 'committee',
  async compose({ db }, v) {
    const row = await getPlan(db, need(v.planId, 'planId'));
    if (!row) throw new InputError(`no plan ${v.planId}`);
    const plan = JSON.parse(row.data) as PlanData;
    const rounds = [...plan.rounds].sort((a, b) => a.no - b.no);
    const roundLines = await Promise.all(rounds.map(async (r) =>
      `第${r.no}轮：${period(r.start, r.end)}，巡查${(await Promise.all(r.units.map((u) => unitName(db, u)))).join('、')}`));
    const title = clause(plan.planTitle) || `${plan.year}年度安全生产巡查工作方案`;
    return {
      subject: `plan:${row.id}`, title: `关于印发《${title}》的通知`, mainRecipient: '各镇（街道），区安委会各成员单位', publicity: '此件依申请公开',
      paragraphs: [
        `《${title}》已经区安委会${row.approved_at ? `于${chineseDate(row.approved_at)}` : ''}审定，现印发给你们，请认真贯彻落实。`,
        ...(plan.planTheme ? [`一、巡查重点：${clause(plan.planTheme)}。`] : []),
        `${plan.planTheme ? '二' : '一'}、巡查安排：${plan.year}年共安排${rounds.length}轮巡查，覆盖${plan.units.length}个被巡查单位${plan.cycleStart ? `（本巡查周期自${chineseDate(plan.cycleStart)}起）` : ''}。各轮时间和被巡查单位如下：`,
        ...numbered(roundLines),
        '各被巡查单位要提前做好自查报告、安全生产责任清单、会议纪要和工作台账等材料准备，积极配合巡查组开展工作。',
      ],
    };
  },
};
