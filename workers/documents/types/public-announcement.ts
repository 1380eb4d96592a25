import { problemsOf } from '../../../src/db/registers/inspections';
import { getHazard } from '../../../src/db/registers/supervision';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { chineseDate, clause, loadInspection, unitName } from '../sources';

/** 社会公告: a listed or delisted hazard, or an inspection's feedback or rectification, made public (三（三）6). */
export const publicAnnouncement: DocumentTemplate = {
  name: '社会公告',
  issuer: 'office',
  async compose({ db }, v) {
    if (v.hazardId) {
      const hz = await getHazard(db, v.hazardId);
      if (!hz) throw new InputError(`no hazard ${v.hazardId}`);
      const delisting = v.kind === 'delisting';
      const holder = await unitName(db, hz.enterprise_code ?? hz.unit_code);
      return {
        publicity: '此件公开发布', subject: `hazard:${hz.id}`, title: delisting ? '重大事故隐患摘牌销号公告' : '重大事故隐患挂牌督办公告',
        mainRecipient: '社会各界', paragraphs: [delisting
          ? `${holder}重大事故隐患“${clause(hz.name)}”已整改完毕并经验收合格，区安委会决定予以摘牌销号。`
          : `区安委会决定对${holder}重大事故隐患“${clause(hz.name)}”挂牌督办${hz.rectify_due ? `，整改期限至${chineseDate(hz.rectify_due)}` : ''}。欢迎社会各界监督。`],
      };
    }
    const i = await loadInspection(db, v.inspectionId);
    const unit = await unitName(db, i.unit_code);
    const count = (await problemsOf(db, i.id)).length;
    const rectification = v.kind === 'rectification';
    return {
      publicity: '此件公开发布', subject: `inspection:${i.id}`, title: `${unit}安全生产巡查${rectification ? '整改情况' : '反馈情况'}公告`, mainRecipient: '社会各界',
      paragraphs: [rectification
        ? `${unit}已按要求完成巡查反馈问题的整改，整改情况经区安委会审核通过，现予公告。`
        : `区安委会巡查组已向${unit}反馈巡查意见，共反馈问题${count}个，现予公告，接受社会监督。`],
    };
  },
};
