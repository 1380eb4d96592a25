import { type Db } from '../../src/db/connect';
import { getInspection, getProblem, problemsOf } from '../../src/db/registers/inspections';
import { getHandover, getHazard, getTalk } from '../../src/db/registers/supervision';
import { CATEGORIES, type Category } from '../../src/domain/problems';
import { ISSUERS, type IssuerCode } from '../../src/domain/numbering';
import { COPY_OFFICES } from '../notify/recipients';
import { chineseDate } from '../notify/templates';
import { InputError } from '../runtime/types';

/** What each document type says, drawn from the registers (docs/practice.md, "Documents"). */
export const DOC_TYPES = {
  'inspection-notice': { name: '巡查通知书', issuer: 'committee' },
  'feedback-opinion': { name: '巡查反馈意见书', issuer: 'committee' },
  'handover-letter': { name: '问题移交函', issuer: 'office' },
  'listing-notice': { name: '挂牌督办通知书', issuer: 'committee' },
  'talk-notice': { name: '约谈通知书', issuer: 'committee' },
  'rectification-notice': { name: '整改通知', issuer: 'office' },
  'results-bulletin': { name: '巡查结果通报', issuer: 'committee' },
  'public-announcement': { name: '社会公告', issuer: 'office' },
  'supervision-letter': { name: '督办函', issuer: 'committee' },
} as const satisfies Record<string, { name: string; issuer: IssuerCode }>;
export type DocType = keyof typeof DOC_TYPES;

export interface DocumentVars {
  inspectionId?: string;
  problemId?: string;
  hazardId?: string;
  handoverId?: string;
  talkId?: string;
  departmentCode?: string;
  resultDue?: string;
  kind?: string;
  period?: string;
}

export interface ComposedDocument {
  issuer: IssuerCode;
  subject: string;
  title: string;
  mainRecipient: string;
  paragraphs: string[];
  copyTo?: string[];
  publicity: string;
}

const name = async (db: Db, code: string | null | undefined) =>
  code ? (await db.selectFrom('units').select('name').where('code', '=', code).executeTakeFirst())?.name ?? code : '';

function need<T>(v: T | undefined | null, what: string): T {
  if (v === undefined || v === null) throw new InputError(`${what} is required for this document`);
  return v;
}

async function loadInspection(db: Db, id: string | undefined) {
  const i = await getInspection(db, need(id, 'inspectionId'));
  if (!i) throw new InputError(`no inspection ${id}`);
  return i;
}

export async function composeDocument(db: Db, docType: DocType, v: DocumentVars): Promise<ComposedDocument> {
  const spec = DOC_TYPES[docType];
  const base = { issuer: spec.issuer as IssuerCode, publicity: '此件依申请公开' };
  switch (docType) {
    case 'inspection-notice': {
      const i = await loadInspection(db, v.inspectionId);
      const team = i.team_id ? (await db.selectFrom('teams').select('name').where('id', '=', i.team_id).executeTakeFirst())?.name : undefined;
      return { ...base, subject: `inspection:${i.id}`, title: `关于对${await name(db, i.unit_code)}开展安全生产巡查的通知`,
        mainRecipient: await name(db, i.unit_code), paragraphs: [
          `根据《峄城区安全生产巡查工作制度》和年度巡查工作方案，经区安委会研究，决定由${team ?? '区安委会巡查组'}对你单位开展安全生产巡查${v.period ? `，巡查时间为${v.period}` : ''}，现场巡查时间原则上不少于两周。`,
          '巡查内容包括贯彻落实安全生产决策部署、安全生产责任制落实、双重预防机制建设、安全监管执法和事故查处等九个方面。',
          '请你单位提前准备自查报告、安全生产责任清单、有关会议纪要和工作台账等材料，按时召开进驻见面会，并在单位显著位置公布巡查组举报电话和邮箱。',
        ] };
    }
    case 'feedback-opinion': {
      const i = await loadInspection(db, v.inspectionId);
      const problems = await problemsOf(db, i.id);
      return { ...base, subject: `inspection:${i.id}`, title: `关于${await name(db, i.unit_code)}安全生产巡查情况的反馈意见`,
        mainRecipient: await name(db, i.unit_code), paragraphs: [
          '巡查工作报告已经区安委会审定。现将巡查发现的主要问题反馈如下：',
          ...problems.map((p, n) => `${n + 1}.（${CATEGORIES[p.category as Category] ?? p.category}）${p.description}${p.legal_basis ? `（依据：${p.legal_basis}）` : ''}`),
          `请你单位主要负责人切实履行整改第一责任人职责，逐项制定整改措施，于${i.rectification_due ? chineseDate(i.rectification_due) : '收到本意见书之日起2个月内'}前将整改情况和调查处理报告报区安委会。`,
        ] };
    }
    case 'handover-letter': {
      const h = v.handoverId ? await getHandover(db, v.handoverId) : undefined;
      const problemId = h?.problem_id ?? v.problemId;
      // Without a department (an accountability referral from the escalation ladder) the letter goes to 区委组织部.
      const deptCode = h?.department_code ?? v.departmentCode
        ?? (await db.selectFrom('units').select('code').where('name', '=', '区委组织部').executeTakeFirst())?.code;
      const dept = await name(db, need(deptCode, 'departmentCode'));
      const due = h?.result_due ?? v.resultDue;
      const answer = `请于收到本函后签收回执，并于${due ? chineseDate(due) : '规定期限'}前将调查处理结果书面反馈区安委办。`;
      if (!problemId) {
        const i = await loadInspection(db, need(v.inspectionId, 'problemId, handoverId or inspectionId'));
        return { ...base, subject: `inspection:${i.id}`, title: '关于移送安全生产巡查问题线索的函', mainRecipient: dept, paragraphs: [
          `${await name(db, i.unit_code)}对区安委会巡查反馈的问题整改不力，经催办、督办仍逾期未完成整改，现将有关问题线索移送你单位，请依规依纪依法处理。`,
          answer,
        ] };
      }
      const p = await getProblem(db, problemId);
      if (!p) throw new InputError(`no problem ${problemId}`);
      return { ...base, subject: `problem:${p.id}`, title: '关于移交安全生产巡查发现问题的函', mainRecipient: dept, paragraphs: [
        `区安委会巡查组在对${await name(db, p.unit_code)}开展安全生产巡查中发现以下问题，依据职责分工，现移交你单位依法调查处理：`,
        `${p.no}. ${p.description}${p.enterprise_code ? `（涉及单位：${await name(db, p.enterprise_code)}）` : ''}${p.legal_basis ? `（依据：${p.legal_basis}）` : ''}`,
        answer,
      ] };
    }
    case 'listing-notice': {
      const hz = await getHazard(db, need(v.hazardId, 'hazardId'));
      if (!hz) throw new InputError(`no hazard ${v.hazardId}`);
      return { ...base, subject: `hazard:${hz.id}`, title: '重大事故隐患挂牌督办通知书', mainRecipient: await name(db, hz.unit_code), paragraphs: [
        `经区安委会研究，决定对${hz.enterprise_code ? await name(db, hz.enterprise_code) : await name(db, hz.unit_code)}存在的重大事故隐患“${hz.name}”实行挂牌督办${hz.standard_ref ? `（判定依据：${hz.standard_ref}）` : ''}。`,
        `一、整改责任：${hz.responsible ?? '隐患所在单位主要负责人'}。`,
        `二、整改措施：${hz.measures ?? '按整改方案落实'}。`,
        `三、整改资金：${hz.funds ?? '由隐患所在单位足额保障'}。`,
        `四、整改时限：${hz.rectify_due ? chineseDate(hz.rectify_due) : '按整改方案'}前完成。`,
        `五、应急预案：${hz.emergency_plan ?? '整改期间制定并落实应急预案和安全防范措施'}。`,
        '整改期间原则上停产停业或停止使用相关设施设备，每月月底前向区安委办报送整改进展；整改完成后申请验收，经验收合格后予以销号，并向社会公告。',
      ] };
    }
    case 'talk-notice': {
      const t = await getTalk(db, need(v.talkId, 'talkId'));
      if (!t) throw new InputError(`no talk ${v.talkId}`);
      return { ...base, subject: `talk:${t.id}`, title: '安全生产约谈通知书', mainRecipient: await name(db, t.subject_unit_code), paragraphs: [
        t.at ? `因${t.reason}，根据安全生产约谈制度，区安委会定于${chineseDate(t.at)}对你单位主要负责人进行约谈。`
          : `因${t.reason}，根据安全生产约谈制度，区安委会将于近日对你单位主要负责人进行约谈，具体时间另行通知。`,
        `参加人员：${(JSON.parse(t.attendees) as string[]).join('、') || '你单位主要负责人、分管负责人'}。`,
        '请提前准备书面情况说明和整改措施，约谈后按约谈纪要明确的期限报送整改落实情况。',
      ] };
    }
    case 'rectification-notice': {
      const p = v.problemId ? await getProblem(db, v.problemId) : undefined;
      const i = await loadInspection(db, v.inspectionId ?? p?.inspection_id);
      const problems = p ? [p] : await problemsOf(db, i.id);
      return { ...base, subject: p ? `problem:${p.id}` : `inspection:${i.id}`, title: '安全生产问题整改通知', mainRecipient: await name(db, i.unit_code),
        paragraphs: ['巡查发现你单位存在以下问题，请立即组织整改：', ...problems.map((x) => `${x.no}. ${x.description}`),
          `请于${i.rectification_due ? chineseDate(i.rectification_due) : '规定期限'}前报送整改情况。`] };
    }
    case 'results-bulletin': {
      const i = await loadInspection(db, v.inspectionId);
      const problems = await problemsOf(db, i.id);
      const score = await db.selectFrom('assessments').select('score').where('inspection_id', '=', i.id).executeTakeFirst();
      return { ...base, subject: `inspection:${i.id}`, title: `关于${await name(db, i.unit_code)}安全生产巡查结果的通报`, mainRecipient: '各镇（街道），区安委会各成员单位',
        copyTo: COPY_OFFICES, paragraphs: [
          `区安委会巡查组对${await name(db, i.unit_code)}开展了安全生产巡查，共发现问题${problems.length}个，其中重大问题${problems.filter((p) => p.severity === '重大').length}个。`,
          score ? `巡查结果纳入安全生产绩效考核，考核得分${score.score}分。` : '巡查结果纳入安全生产绩效考核。',
          '现将巡查结果抄送区委组织部、区委政法委（综治办）、区文明办，作为领导班子和领导干部考核、奖惩和使用的重要参考。',
        ] };
    }
    case 'public-announcement': {
      if (v.hazardId) {
        const hz = await getHazard(db, v.hazardId);
        if (!hz) throw new InputError(`no hazard ${v.hazardId}`);
        const delisting = v.kind === 'delisting';
        return { ...base, publicity: '此件公开发布', subject: `hazard:${hz.id}`, title: delisting ? '重大事故隐患摘牌销号公告' : '重大事故隐患挂牌督办公告',
          mainRecipient: '社会各界', paragraphs: [delisting
            ? `${await name(db, hz.enterprise_code ?? hz.unit_code)}重大事故隐患“${hz.name}”已整改完毕并经验收合格，区安委会决定予以摘牌销号。`
            : `区安委会决定对${await name(db, hz.enterprise_code ?? hz.unit_code)}重大事故隐患“${hz.name}”挂牌督办，整改期限至${hz.rectify_due ? chineseDate(hz.rectify_due) : '整改完成'}。欢迎社会各界监督。`] };
      }
      const i = await loadInspection(db, v.inspectionId);
      const count = (await problemsOf(db, i.id)).length;
      const rectification = v.kind === 'rectification';
      return { ...base, publicity: '此件公开发布', subject: `inspection:${i.id}`,
        title: `${await name(db, i.unit_code)}安全生产巡查${rectification ? '整改情况' : '反馈情况'}公告`, mainRecipient: '社会各界', paragraphs: [
          rectification
            ? `${await name(db, i.unit_code)}已按要求完成巡查反馈问题的整改，整改情况经区安委会审核通过，现予公告。`
            : `区安委会巡查组已向${await name(db, i.unit_code)}反馈巡查意见，共反馈问题${count}个，现予公告，接受社会监督。`,
        ] };
    }
    case 'supervision-letter': {
      if (!v.problemId) {
        // A whole inspection's rectification report is overdue.
        const i = await loadInspection(db, need(v.inspectionId, 'problemId or inspectionId'));
        return { ...base, subject: `inspection:${i.id}`, title: '安全生产巡查整改督办函', mainRecipient: await name(db, i.unit_code), paragraphs: [
          `区安委会巡查反馈意见要求你单位${i.rectification_due ? `于${chineseDate(i.rectification_due)}前` : '在规定期限内'}报送整改情况和调查处理报告，至今未报送。`,
          '请你单位主要负责人亲自督办，于收到本函后10个工作日内完成整改并书面报告区安委会。逾期仍未整改的，将按规定约谈、通报并挂牌督办。',
        ] };
      }
      const p = await getProblem(db, v.problemId);
      if (!p) throw new InputError(`no problem ${v.problemId}`);
      return { ...base, subject: `problem:${p.id}`, title: '安全生产问题整改督办函', mainRecipient: await name(db, p.unit_code), paragraphs: [
        `巡查反馈你单位的问题“${p.description}”至今未按期完成整改。`,
        `请你单位主要负责人亲自督办，于${p.due ? chineseDate(p.due) : '收到本函后10个工作日内'}完成整改并书面报告区安委会。逾期仍未整改的，将按规定约谈、通报并挂牌督办。`,
      ] };
    }
  }
}

export const issuerOf = (code: IssuerCode) => ISSUERS[code];
