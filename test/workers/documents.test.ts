import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { documentRegister } from '../../src/db/documents';
import { seedDemoData } from '../../src/db/seed';
import { numberingGaps } from '../../src/domain/numbering';
import { sha256Hex } from '../../src/db/content-store';
import document from '../../workers/document';
import record from '../../workers/record';
import handover from '../../workers/handover';
import hazard from '../../workers/hazard';
import talk from '../../workers/talk';
import { dialects, useStores } from '../support/stores';
import { listNumbers, punctuationFaults } from '../support/punctuation';
import { completed, harness, job, type Harness } from '../support/workers';
import { DOC_TYPES } from '../../workers/documents/content';

const run = promisify(execFile);

/** The XML of one part of a DOCX file, read with unzip. */
async function part(h: Harness, path: string, name: string): Promise<string> {
  const { stdout } = await run('unzip', ['-p', join(h.dir, path), name], { maxBuffer: 10 * 1024 * 1024 });
  return stdout;
}
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe.each(dialects)('yc-document on %s', (dialect) => {
  const stores = useStores(dialect);

  it('issues a 巡查反馈意见书 as DOCX in the GB/T 9704 layout with its 文号 and SHA-256', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const inspectionId = completed(await h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId;
    await h.run(record, job('yc-record', { inspectionId, problems: [
      { category: 'C5', severity: '重大', description: '液氨储罐区未设置泄漏报警装置', legalBasis: '工贸令10号 第十三条' },
    ] }, { action: 'problems-registered' }));
    await h.run(record, job('yc-record', { inspectionId, rectificationDue: '2026-12-09T23:59:59+08:00' }, { action: 'feedback-given' }));
    // when
    const out = completed(await h.run(document, job('yc-document', { inspectionId }, { docType: 'feedback-opinion' })));
    // then
    expect(out.feedbackOpinionDocumentNo).toBe('峄安委〔2026〕1号');
    const [doc] = await documentRegister(store.db);
    expect(doc).toMatchObject({ id: out.feedbackOpinionDocumentId, doc_type: 'feedback-opinion', issuer: '峄安委', year: 2026, seq: 1 });
    expect(sha256Hex(await h.deps.archive.read(doc.path))).toBe(doc.sha256);
    const xml = await part(h, doc.path, 'word/document.xml');
    const body = text(xml);
    expect(body).toContain('峄城区安全生产委员会文件');
    expect(body).toContain('峄安委〔2026〕1号');
    expect(body).toContain('关于榴园镇安全生产巡查情况的反馈意见');
    expect(body).toContain('榴园镇：');
    expect(body).toContain('1.（事故预防：双重预防机制、标准化、打非治违、专项整治）液氨储罐区未设置泄漏报警装置（依据：工贸令10号 第十三条）');
    expect(body).toContain('于2026年12月9日前将整改情况和调查处理报告报区安委会');
    expect(body).toContain('2026年10月9日');
    // layout: A4, margins 37/35/28/26 mm, red 版头 and separator, 仿宋_GB2312 三号 body, 方正小标宋 二号 title, page numbers
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(xml).toMatch(/<w:rFonts w:ascii="方正小标宋简体"[^>]*\/>(<[^>]+>)*<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"\/>(<[^>]+>)*<w:sz w:val="32"\/>/);
    const footer = await part(h, doc.path, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(text(footer)).toBe('—  —');
    await h.cleanup();
  }, 60_000);

  it('numbers documents per issuer and year without gaps, and a redelivered job gets the same number', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const ids: string[] = [];
    for (const unit of ['370404001', '370404002', '370404100']) {
      ids.push(completed(await h.run(record, job('yc-record', { unitCode: unit }, { action: 'inspection-opened' }))).inspectionId);
    }
    // when
    const notice = job('yc-document', { inspectionId: ids[0] }, { docType: 'inspection-notice' });
    const a = completed(await h.run(document, notice));
    const again = completed(await h.run(document, notice));
    const b = completed(await h.run(document, job('yc-document', { inspectionId: ids[1] }, { docType: 'inspection-notice' })));
    const c = completed(await h.run(document, job('yc-document', { inspectionId: ids[2] }, { docType: 'rectification-notice' })));
    const broken = await h.run(document, job('yc-document', { inspectionId: 'missing' }, { docType: 'inspection-notice' }));
    const d = completed(await h.run(document, job('yc-document', { inspectionId: ids[2] }, { docType: 'inspection-notice' })));
    // then
    expect(again).toEqual(a);
    expect([a, b, d].map((x) => x.inspectionNoticeDocumentNo)).toEqual(['峄安委〔2026〕1号', '峄安委〔2026〕2号', '峄安委〔2026〕3号']);
    expect(c.rectificationNoticeDocumentNo).toBe('峄安委办〔2026〕1号');
    expect(broken).toMatchObject({ outcome: 'fail', retries: 0 });
    // the escalation ladder for a whole inspection: no problem, no department
    const letter = completed(await h.run(document, job('yc-document', { inspectionId: ids[2], problemId: null }, { docType: 'supervision-letter' })));
    const referral = completed(await h.run(document, job('yc-document', { inspectionId: ids[2], problemId: null }, { docType: 'handover-letter' })));
    expect(letter.supervisionLetterDocumentNo).toBe('峄安委〔2026〕4号');
    expect(referral.handoverLetterDocumentNo).toBe('峄安委办〔2026〕2号');
    const referralDoc = (await documentRegister(store.db, { docType: 'handover-letter' }))[0];
    const referralText = text(await part(h, referralDoc.path, 'word/document.xml'));
    expect(referralText).toContain('区委组织部：');
    expect(referralText).toContain('古邵镇对区安委会巡查反馈的问题整改不力');
    const register = (await documentRegister(store.db)).filter((r) => r.doc_type !== 'supervision-letter' && r.doc_type !== 'handover-letter');
    expect(register).toHaveLength(4);
    expect(numberingGaps(register.filter((r) => r.issuer === '峄安委').map((r) => r.seq))).toEqual([]);
    await h.cleanup();
  }, 60_000);
});

describe('every document type', () => {
  const stores = useStores('sqlite');

  it('issues each document type with its 文号, date and filled deadlines, numbered lists from 1. and clean punctuation', async () => {
    // given a district run from the annual plan to 销号, with entered texts that end in their own punctuation
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const run = async (worker: Parameters<Harness['run']>[0], type: string, vars: Record<string, unknown>, headers: Record<string, string>) =>
      completed(await h.run(worker, job(type, vars, headers)));
    const plan = await run(record, 'yc-record', { plan: { year: 2026, cycleStart: '2025-01-01', planTitle: '2026年度安全生产巡查工作方案', planTheme: '聚焦危化品和城镇燃气。',
      units: ['370404104'], rounds: [{ no: 1, start: '2026-10-12', end: '2026-10-30', units: ['370404104'] }] } }, { action: 'plan-approved' });
    const teams = await run(record, 'yc-record', { planId: plan.planId, teams: [{ name: '第1巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1',
      memberIds: ['p-member-1', 'p-member-2', 'p-member-3'], expertIds: ['p-expert-1'] }] }, { action: 'teams-approved' });
    const { inspectionId } = await run(record, 'yc-record', { unitCode: '370404104', roundId: plan.roundIds[0], team: { id: teams.teamIds['第1巡查组'], name: '第1巡查组' } }, { action: 'inspection-opened' });
    await run(record, 'yc-record', { inspectionId, onsiteStart: '2026-10-12T09:00:00+08:00' }, { action: 'onsite-started' });
    await run(record, 'yc-record', { inspectionId, onsiteEnd: '2026-10-30T17:00:00+08:00' }, { action: 'onsite-finished' });
    const [problemId] = (await run(record, 'yc-record', { inspectionId, problems: [
      { category: 'C5', severity: '重大', industry: '道路运输', description: '危险货物运输车辆未安装卫星定位装置。', legalBasis: '《道路危险货物运输管理规定》第二十二条。' }] },
    { action: 'problems-registered' })).problemIds;
    await run(record, 'yc-record', { inspectionId, report: { summary: '巡查组听取汇报、查阅资料、走访企业。', causes: '属地监管责任落实不到位；', suggestions: '开展专项整治。' } }, { action: 'report-submitted' });
    const report = await run(record, 'yc-record', { inspectionId }, { action: 'report-approved' });
    const { handoverId } = await run(handover, 'yc-handover', { problemId, departmentCode: 'YC-M-08' }, { action: 'send' });
    const { hazardId } = await run(hazard, 'yc-hazard', { problemId, hazard: { name: '危货车辆无卫星定位', deadline: '2027-01-29T23:59:59+08:00' } }, { action: 'list' });
    const { talkId } = await run(talk, 'yc-talk', { talk: { subjectUnitCode: '370404104', reason: '重大隐患整改迟缓。', at: '2026-10-12T15:00:00+08:00', attendees: ['镇长'] } }, { action: 'schedule' });
    const minutes = await run(talk, 'yc-talk', { talkId, talkMinutes: { heldAt: '2026-10-12T15:00:00+08:00', interviewee: '峨山镇镇长', problems: '整改迟缓。', opinion: '十日内完成。', commitments: '立即整改。' } }, { action: 'minutes' });
    const accepted = await run(hazard, 'yc-hazard', { hazardId, acceptance: { passed: true, opinion: '整改到位。', acceptedOn: '2026-10-09', experts: '秦振东', fundsSpent: 12 } }, { action: 'accept' });
    const delisted = await run(hazard, 'yc-hazard', { hazardId }, { action: 'delist' });
    const vars = { inspectionId, problemId, handoverId, hazardId, talkId };
    // when the process issues the rest
    const issued: Record<string, unknown> = { ...plan, ...teams, ...report, ...minutes, ...accepted, ...delisted };
    for (const docType of ['inspection-notice', 'feedback-opinion', 'handover-letter', 'listing-notice', 'talk-notice', 'rectification-notice', 'results-bulletin', 'supervision-letter']) {
      Object.assign(issued, await run(document, 'yc-document', vars, { docType }));
    }
    Object.assign(issued, await run(document, 'yc-document', { hazardId }, { docType: 'public-announcement' }));
    // then every type is in the register with its 文号, its date and its deadlines, and reads cleanly
    const titles: Record<string, string> = {
      'annual-plan': '关于印发《2026年度安全生产巡查工作方案》的通知', 'team-composition': '关于2026年度安全生产巡查组组成人员的通知',
      'inspection-notice': '关于对峨山镇开展安全生产巡查的通知', 'inspection-report': '关于对峨山镇安全生产巡查情况的报告',
      'feedback-opinion': '关于峨山镇安全生产巡查情况的反馈意见', 'handover-letter': '关于移交安全生产巡查发现问题的函',
      'listing-notice': '重大事故隐患挂牌督办通知书', 'talk-notice': '安全生产约谈通知书', 'talk-minutes': '峨山镇安全生产约谈纪要',
      'rectification-notice': '安全生产问题整改通知', 'results-bulletin': '关于峨山镇安全生产巡查结果的通报', 'public-announcement': '重大事故隐患挂牌督办公告',
      'supervision-letter': '安全生产问题整改督办函', 'acceptance-decision': '关于峨山镇重大事故隐患整改验收的意见', 'delisting-decision': '关于峨山镇重大事故隐患销号的决定',
    };
    expect(Object.keys(titles).sort()).toEqual(Object.keys(DOC_TYPES).sort());
    const bodies: Record<string, string[]> = {};
    for (const [docType, title] of Object.entries(titles)) {
      const key = docType.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const [doc] = (await documentRegister(store.db, { docType })).filter((d) => d.id === issued[`${key}DocumentId`]);
      expect(doc?.doc_no).toBe(issued[`${key}DocumentNo`]);
      expect(doc.doc_no).toMatch(DOC_TYPES[docType as keyof typeof DOC_TYPES].issuer === 'office' ? /^峄安委办〔2026〕[1-9]\d*号$/ : /^峄安委〔2026〕[1-9]\d*号$/);
      const xml = await part(h, doc.path, 'word/document.xml');
      const paragraphs = paragraphsOf(xml);
      bodies[docType] = paragraphs;
      expect(paragraphs).toContain(title);
      expect(paragraphs).toContain(doc.doc_no);
      expect(paragraphs).toContain('2026年10月9日'); // 成文日期
      expect({ docType, faults: paragraphs.flatMap(punctuationFaults) }).toEqual({ docType, faults: [] });
      const numbers = listNumbers(paragraphs);
      expect({ docType, numbers }).toEqual({ docType, numbers: numbers.map((_, i) => i + 1) });
    }
    // what each decision says, with its dates and deadlines
    const text = (t: string) => bodies[t].join('\n');
    expect(text('annual-plan')).toContain('1.第1轮：2026年10月12日至2026年10月30日，巡查峨山镇。');
    expect(text('team-composition')).toContain('1.第1巡查组：组长：王建国（区委办公室 督查室主任）；副组长：刘洪涛（区应急管理局 安全生产监督管理科科长）；成员：');
    expect(text('inspection-notice')).toContain('巡查时间为2026年10月12日至2026年10月30日');
    expect(text('inspection-report')).toMatch(/一、基本情况\n巡查组听取汇报、查阅资料、走访企业。\n二、发现的问题（共1个）\n1\.（.+，重大）危险货物运输车辆未安装卫星定位装置。\n三、原因分析\n属地监管责任落实不到位。\n四、意见建议\n开展专项整治。/);
    expect(text('feedback-opinion')).toContain('于2026年12月9日前将整改情况和调查处理报告报区安委会'); // two months from the opinion
    expect(text('handover-letter')).toContain('1.危险货物运输车辆未安装卫星定位装置（依据：《道路危险货物运输管理规定》第二十二条）。');
    expect(text('listing-notice')).toContain('四、整改时限：2027年1月29日前完成。');
    expect(text('talk-notice')).toContain('定于2026年10月12日15时00分对你单位主要负责人进行约谈');
    expect(text('talk-minutes')).toContain('2026年10月12日，区安委会因重大隐患整改迟缓约谈了峨山镇峨山镇镇长');
    expect(text('talk-minutes')).toContain('指出问题：整改迟缓。\n整改意见：十日内完成。\n表态承诺：立即整改。');
    expect(text('rectification-notice')).toMatch(/请于2026年12月9日前将整改情况/);
    expect(text('supervision-letter')).toContain('于2026年10月22日前完成整改'); // 10 working days: 10-10 (调休 Saturday), 12–16, 19–22
    expect(text('acceptance-decision')).toContain('2026年10月9日，区安委会组织秦振东对峨山镇挂牌督办的重大事故隐患“危货车辆无卫星定位”');
    expect(text('acceptance-decision')).toContain('整改投入资金12万元');
    expect(text('delisting-decision')).toContain('决定自2026年10月9日起对该隐患予以摘牌销号');
    await h.cleanup();
  }, 60_000);
});

/** The text of each paragraph of document.xml. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => text(p[0])).filter(Boolean);
}
