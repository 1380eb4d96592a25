import { getTalk } from '../../../src/db/registers/supervision';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, need, unitName } from '../sources';

/** 约谈纪要: when the talk was held, with whom, what was raised and agreed, and the follow-up date. */
export const talkMinutes: DocumentTemplate = {
  name: '约谈纪要',
  issuer: 'office',
  async compose({ db }, v) {
    const t = await getTalk(db, need(v.talkId, 'talkId'));
    if (!t) throw new InputError(`no talk ${v.talkId}`);
    if (!t.minutes) throw new InputError(`talk ${t.id} has no minutes yet`);
    const unit = await unitName(db, t.subject_unit_code);
    const held = t.held_at ?? t.at;
    return {
      subject: `talk:${t.id}`, title: `${unit}安全生产约谈纪要`, mainRecipient: unit, publicity: '此件不予公开',
      paragraphs: [
        `${held ? `${chineseDate(held)}，` : ''}区安委会因${clause(t.reason)}约谈了${unit}${t.interviewee ? `${clause(t.interviewee)}` : '主要负责人'}。现将约谈情况纪要如下。`,
        ...t.minutes.split('\n').map((line) => clause(line)).filter(Boolean).map((line) => `${line}。`),
        t.follow_up_due ? `请你单位于${chineseDate(t.follow_up_due)}前将整改落实情况书面报送区安委办。` : '请你单位按约谈要求将整改落实情况书面报送区安委办。',
      ],
    };
  },
};
