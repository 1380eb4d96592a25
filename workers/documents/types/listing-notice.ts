import { getHazard } from '../../../src/db/registers/supervision';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, need, unitName } from '../sources';

/** 挂牌督办通知书: the major accident hazard listed with its 五落实 (三（三）4). */
export const listingNotice: DocumentTemplate = {
  name: '挂牌督办通知书',
  issuer: 'committee',
  async compose({ db }, v) {
    const hz = await getHazard(db, need(v.hazardId, 'hazardId'));
    if (!hz) throw new InputError(`no hazard ${v.hazardId}`);
    if (!hz.rectify_due) throw new InputError(`hazard ${hz.id} has no rectification deadline: the listing decision sets it`);
    return {
      subject: `hazard:${hz.id}`, title: '重大事故隐患挂牌督办通知书', mainRecipient: await unitName(db, hz.unit_code), publicity: '此件依申请公开',
      paragraphs: [
        `经区安委会研究，决定对${await unitName(db, hz.enterprise_code ?? hz.unit_code)}存在的重大事故隐患“${clause(hz.name)}”实行挂牌督办${hz.standard_ref ? `（判定依据：${clause(hz.standard_ref)}）` : ''}，督办编号${hz.listing_no ?? '见登记'}。`,
        `一、整改责任：${clause(hz.responsible) || '隐患所在单位主要负责人'}。`,
        `二、整改措施：${clause(hz.measures) || '按整改方案落实'}。`,
        `三、整改资金：${clause(hz.funds) || '由隐患所在单位足额保障'}。`,
        `四、整改时限：${chineseDate(hz.rectify_due)}前完成。`,
        `五、应急预案：${clause(hz.emergency_plan) || '整改期间制定并落实应急预案和安全防范措施'}。`,
        '整改期间原则上停产停业或停止使用相关设施设备，每月月底前向区安委办报送整改进展；整改完成后申请验收，经验收合格后予以销号，并向社会公告。',
      ],
    };
  },
};
