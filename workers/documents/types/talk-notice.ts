import { getTalk } from '../../../src/db/registers/supervision';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, need, unitName } from '../sources';

/** 约谈通知书: whom the committee talks to, why, when and who attends. */
export const talkNotice: DocumentTemplate = {
  name: '约谈通知书',
  issuer: 'committee',
  async compose({ db }, v) {
    const t = await getTalk(db, need(v.talkId, 'talkId'));
    if (!t) throw new InputError(`no talk ${v.talkId}`);
    const attendees = (JSON.parse(t.attendees) as string[]).map(clause).filter(Boolean);
    return {
      subject: `talk:${t.id}`, title: '安全生产约谈通知书', mainRecipient: await unitName(db, t.subject_unit_code), publicity: '此件不予公开',
      paragraphs: [
        t.at ? `因${clause(t.reason)}，根据安全生产约谈制度，区安委会定于${chineseDate(t.at)}${timeOf(t.at)}对你单位主要负责人进行约谈。`
          // the escalation ladder decides on a talk before its hour is fixed; the office sets it by a further notice
          : `因${clause(t.reason)}，根据安全生产约谈制度，区安委会决定对你单位主要负责人进行约谈，约谈时间和地点由区安委办另行书面通知。`,
        `参加人员：${attendees.join('、') || '你单位主要负责人、分管负责人'}。`,
        '请提前准备书面情况说明和整改措施，约谈后按约谈纪要明确的期限报送整改落实情况。',
      ],
    };
  },
};

/** 15时00分 (China time) for a talk date-time; nothing for a date alone. */
function timeOf(at: string): string {
  if (!/T\d{2}:\d{2}/.test(at)) return '';
  const d = new Date(Date.parse(at) + 8 * 3600_000);
  return `${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分`;
}
