import { problemsOf } from '../../../src/db/registers/inspections';
import { assessmentOf } from '../../../src/db/registers/publications';
import { COPY_OFFICES } from '../../../src/domain/disposal';
import { type DocumentTemplate } from '../template';
import { loadInspection, unitName } from '../sources';

/** 巡查结果通报: the results in the performance assessment and their copies (三（三）6, 四（一）). */
export const resultsBulletin: DocumentTemplate = {
  name: '巡查结果通报',
  issuer: 'committee',
  async compose({ db }, v) {
    const i = await loadInspection(db, v.inspectionId);
    const unit = await unitName(db, i.unit_code);
    const problems = await problemsOf(db, i.id);
    const score = await assessmentOf(db, i.id);
    return {
      subject: `inspection:${i.id}`, title: `关于${unit}安全生产巡查结果的通报`, mainRecipient: '各镇（街道），区安委会各成员单位',
      copyTo: [...COPY_OFFICES], publicity: '此件依申请公开',
      paragraphs: [
        `区安委会巡查组对${unit}开展了安全生产巡查，共发现问题${problems.length}个，其中重大问题${problems.filter((p) => p.severity === '重大').length}个。`,
        score ? `巡查结果纳入安全生产绩效考核，考核得分${score.score}分。` : '巡查结果纳入安全生产绩效考核。',
        '现将巡查结果抄送区委组织部、区委政法委（综治办）、区文明办，作为领导班子和领导干部考核、奖惩和使用的重要参考。',
      ],
    };
  },
};
