import { getHazard, latestAcceptance } from '../../../src/db/registers/supervision';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, need, unitName } from '../sources';

/** 重大事故隐患整改验收意见: the latest acceptance of a listed hazard, passed or failed, with its experts and findings. */
export const acceptanceDecision: DocumentTemplate = {
  name: '重大事故隐患整改验收意见',
  issuer: 'committee',
  async compose({ db }, v) {
    const hz = await getHazard(db, need(v.hazardId, 'hazardId'));
    if (!hz) throw new InputError(`no hazard ${v.hazardId}`);
    const a = await latestAcceptance(db, hz.id);
    if (!a) throw new InputError(`hazard ${hz.id} has no acceptance recorded`);
    const holder = await unitName(db, hz.enterprise_code ?? hz.unit_code);
    return {
      subject: `hazard:${hz.id}`, title: `关于${holder}重大事故隐患整改验收的意见`, mainRecipient: await unitName(db, hz.unit_code), publicity: '此件依申请公开',
      paragraphs: [
        `${chineseDate(a.accepted_on ?? a.decided_at)}，区安委会${a.experts ? `组织${clause(a.experts)}` : ''}对${holder}挂牌督办的重大事故隐患“${clause(hz.name)}”（督办编号${hz.listing_no ?? '见登记'}）整改情况进行了验收${a.funds_spent ? `，整改投入资金${clause(a.funds_spent)}` : ''}。`,
        ...(clause(a.opinion) ? [`验收意见：${clause(a.opinion)}。`] : []),
        a.passed ? '经验收，该隐患已整改到位，验收合格，转入销号程序。'
          : `经验收，该隐患整改未达到要求，验收不合格。请继续整改${hz.rectify_due ? `，于${chineseDate(hz.rectify_due)}前` : '后'}重新申请验收。`,
      ],
    };
  },
};
