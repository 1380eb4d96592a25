import { getHazard, latestAcceptance } from '../../../src/db/registers/supervision';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, need, unitName } from '../sources';

/** 重大事故隐患销号决定: the committee delists an accepted hazard (the public notice follows). */
export const delistingDecision: DocumentTemplate = {
  name: '重大事故隐患销号决定',
  issuer: 'committee',
  async compose({ db }, v) {
    const hz = await getHazard(db, need(v.hazardId, 'hazardId'));
    if (!hz) throw new InputError(`no hazard ${v.hazardId}`);
    if (!hz.delisted_at) throw new InputError(`hazard ${hz.id} is not delisted`);
    const a = await latestAcceptance(db, hz.id, true);
    const holder = await unitName(db, hz.enterprise_code ?? hz.unit_code);
    return {
      subject: `hazard:${hz.id}`, title: `关于${holder}重大事故隐患销号的决定`, mainRecipient: await unitName(db, hz.unit_code), publicity: '此件公开发布',
      paragraphs: [
        `${holder}重大事故隐患“${clause(hz.name)}”于${chineseDate(hz.listed_at)}挂牌督办（督办编号${hz.listing_no ?? '见登记'}）${a ? `，${chineseDate(a.accepted_on ?? a.decided_at)}经验收合格` : ''}。`,
        `经区安委会研究，决定自${chineseDate(hz.delisted_at)}起对该隐患予以摘牌销号，并向社会公告。`,
        '请你单位巩固整改成果，举一反三，防止同类隐患反弹。',
      ],
    };
  },
};
