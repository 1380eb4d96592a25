import { getRound } from '../../../src/db/registers/inspections';
import { type DocumentTemplate } from '../template';
import { loadInspection, period, teamName, unitName } from '../sources';

/** 巡查通知书: the committee tells the unit who inspects it and when (三（三）1–2). */
export const inspectionNotice: DocumentTemplate = {
  name: '巡查通知书',
  issuer: 'committee',
  async compose({ db }, v) {
    const i = await loadInspection(db, v.inspectionId);
    const unit = await unitName(db, i.unit_code);
    const round = i.round_id ? await getRound(db, i.round_id) : undefined;
    const when = v.period ?? (round ? period(round.start, round.end) : undefined);
    return {
      subject: `inspection:${i.id}`, title: `关于对${unit}开展安全生产巡查的通知`, mainRecipient: unit, publicity: '此件依申请公开',
      paragraphs: [
        `根据《峄城区安全生产巡查工作制度》和年度巡查工作方案，经区安委会研究，决定由${(await teamName(db, i.team_id)) ?? '区安委会巡查组'}对你单位开展安全生产巡查${when ? `，巡查时间为${when}` : ''}，现场巡查时间原则上不少于两周。`,
        '巡查内容包括贯彻落实安全生产决策部署、安全生产责任制落实、双重预防机制建设、安全监管执法和事故查处等九个方面。',
        '请你单位提前准备自查报告、安全生产责任清单、有关会议纪要和工作台账等材料，按时召开进驻见面会，并在单位显著位置公布巡查组举报电话和邮箱。',
      ],
    };
  },
};
