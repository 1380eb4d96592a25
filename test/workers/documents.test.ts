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
import { completed, harness, job, type Harness } from '../support/workers';

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

  it('renders each docType of JOB-TYPES.md as a numbered DOCX with its title and 版头', async () => {
    // given an inspection with a problem, a handover, a listed hazard and a talk
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const inspectionId = completed(await h.run(record, job('yc-record', { unitCode: '370404104' }, { action: 'inspection-opened' }))).inspectionId;
    const [problemId] = completed(await h.run(record, job('yc-record', { inspectionId, problems: [
      { category: 'C5', severity: '重大', industry: '道路运输', description: '危险货物运输车辆未安装卫星定位装置' }] }, { action: 'problems-registered' }))).problemIds;
    const handoverId = completed(await h.run(handover, job('yc-handover', { problemId, departmentCode: 'YC-M-08' }, { action: 'send' }))).handoverId;
    const hazardId = completed(await h.run(hazard, job('yc-hazard', { problemId }, { action: 'list' }))).hazardId;
    const talkId = completed(await h.run(talk, job('yc-talk', { talk: { subjectUnitCode: '370404104', reason: '重大隐患整改迟缓', at: '2026-10-12T09:00:00+08:00' } }, { action: 'schedule' }))).talkId;
    const vars = { inspectionId, problemId, handoverId, hazardId, talkId };
    const titles: Record<string, string> = {
      'inspection-notice': '关于对峨山镇开展安全生产巡查的通知', 'feedback-opinion': '关于峨山镇安全生产巡查情况的反馈意见',
      'handover-letter': '关于移交安全生产巡查发现问题的函', 'listing-notice': '重大事故隐患挂牌督办通知书', 'talk-notice': '安全生产约谈通知书',
      'rectification-notice': '安全生产问题整改通知', 'results-bulletin': '关于峨山镇安全生产巡查结果的通报',
      'public-announcement': '重大事故隐患挂牌督办公告', 'supervision-letter': '安全生产问题整改督办函',
    };
    for (const [docType, title] of Object.entries(titles)) {
      // when
      const out = completed(await h.run(document, job('yc-document', docType === 'public-announcement' ? { hazardId } : vars, { docType })));
      // then
      const key = docType.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const [doc] = (await documentRegister(store.db, { docType })).filter((d) => d.id === out[`${key}DocumentId`]);
      const body = text(await part(h, doc.path, 'word/document.xml'));
      expect(body).toContain(title);
      expect(body).toContain(out[`${key}DocumentNo`]);
      expect(body).toMatch(/峄城区安全生产委员会(办公室)?文件/);
    }
    await h.cleanup();
  }, 60_000);
});
