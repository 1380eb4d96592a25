import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { type Actor } from '../../src/db/audit';
import { deliverToInbox } from '../../src/db/notifications';
import { publishAnnouncement } from '../../src/db/registers/publications';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';
import { seedRegisters } from './support/seed';

const by: Actor = { name: 'system', at: NOW.toISOString() };

describe('web registers, inbox and public notice board', () => {
  let env: WebEnv;
  let h: Harness;
  let docA: string;
  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    h = await startHarness(env);
    const { inspectionA: inspA } = await seedRegisters(h);
    mkdirSync(join(h.archiveDir, 'documents'), { recursive: true });
    writeFileSync(join(h.archiveDir, 'documents', 'a.docx'), 'DOCX-A');
    docA = 'doc-a';
    await h.store.db.insertInto('documents').values({ id: docA, doc_type: 'feedback-opinion', issuer: '峄安委办', year: 2026, seq: 1, doc_no: '峄安委办〔2026〕1号', title: '巡查反馈意见书', subject: `inspection:${inspA}`, path: 'documents/a.docx', sha256: 'x', size: 6, created_at: by.at }).execute();
  });
  afterEach(() => h.close());

  it('shows a unit only its own problems, and the office all of them', async () => {
    // given
    const unit = await signIn(h.app, LOGINS.unitA);
    const office = await signIn(h.app, LOGINS.office);
    // when
    const unitPage = await unit.agent.get('/registers/problems').expect(200);
    const officePage = await office.agent.get('/registers/problems').expect(200);
    // then
    expect(unitPage.text).toContain('危化品仓库');
    expect(unitPage.text).not.toContain('吴林街道安全生产责任制');
    expect(officePage.text).toContain('危化品仓库');
    expect(officePage.text).toContain('吴林街道安全生产责任制');
    expect(officePage.text).toContain('C5 事故预防');
    expect(officePage.text).toContain('<td>待处置</td>');
    expect(officePage.text).toContain('<td>2026年11月27日 23:59</td>');
  });

  it('shows a department only what was handed to it', async () => {
    // given
    const dept = await signIn(h.app, h.departmentLogin);
    const unitB = await signIn(h.app, LOGINS.unitB);
    // when
    const deptPage = await dept.agent.get('/registers/handovers').expect(200);
    const problems = await dept.agent.get('/registers/problems').expect(200);
    const otherPage = await unitB.agent.get('/registers/handovers').expect(200);
    // then
    expect(deptPage.text).toContain('危化品仓库');
    expect(problems.text).not.toContain('吴林街道安全生产责任制');
    expect(otherPage.text).toContain('暂无记录');
  });

  it('searches a register', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.get(`/registers/problems?q=${encodeURIComponent('责任制')}`).expect(200);
    // then
    expect(res.text).toContain('共 1 条');
    expect(res.text).toContain('吴林街道安全生产责任制');
  });

  it('lets the unit download its own documents but not another unit', async () => {
    // given
    const unitA = await signIn(h.app, LOGINS.unitA);
    const unitB = await signIn(h.app, LOGINS.unitB);
    // when
    const mine = await unitA.agent.get(`/documents/${docA}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const theirs = await unitB.agent.get(`/documents/${docA}`);
    // then
    expect(mine.headers['content-disposition']).toContain('attachment');
    expect((mine.body as Buffer).toString()).toBe('DOCX-A');
    expect(theirs.status).toBe(404);
  });

  it('exports a register as CSV', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.get('/registers/hazards.csv').expect(200);
    // then
    expect(res.text).toContain('督办编号,隐患,单位,状态,整改期限,挂牌时间,销号时间');
    expect(res.text).toContain('储罐区重大事故隐患');
  });

  it('answers 404 for an unknown register', async () => {
    const { agent } = await signIn(h.app, LOGINS.office);
    await agent.get('/registers/nothing').expect(404);
  });

  it('counts unread messages in the navigation and marks one read only for its recipient', async () => {
    // given
    const account = await h.store.db.selectFrom('accounts').select('id').where('login', '=', LOGINS.office).executeTakeFirstOrThrow();
    const { id } = await deliverToInbox(h.store.db, { idempotencyKey: 'k1', accountId: account.id, template: 'feedback', subject: '集中反馈通知', body: '请于12月1日参加集中反馈会。', email: null }, by.at);
    const office = await signIn(h.app, LOGINS.office);
    const other = await signIn(h.app, LOGINS.admin);
    // when
    const before = await office.agent.get('/inbox').expect(200);
    await other.agent.post(`/inbox/${id}/read`).type('form').send({ _csrf: other.csrf }).expect(404);
    await office.agent.post(`/inbox/${id}/read`).type('form').send({ _csrf: office.csrf }).expect(303);
    const after = await office.agent.get('/inbox').expect(200);
    // then
    expect(before.text).toContain('消息（1）');
    expect(before.text).toContain('集中反馈通知');
    expect(after.text).not.toContain('消息（1）');
  });

  it('shows the public notice board to anonymous visitors, and nothing else', async () => {
    // given
    const id = await publishAnnouncement(h.store.db, by, { kind: 'feedback', title: '关于坛山街道安全生产巡查情况的公告', body: '巡查组于11月进驻……\n欢迎社会监督。', subject: 'inspection:x' });
    // when
    const list = await request(h.app).get('/board').expect(200);
    const one = await request(h.app).get(`/board/${id}`).expect(200);
    const registers = await request(h.app).get('/registers/problems');
    const json = await request(h.app).get('/tasks').set('accept', 'application/json');
    // then
    expect(list.text).toContain('关于坛山街道安全生产巡查情况的公告');
    expect(one.text).toContain('欢迎社会监督。');
    expect(registers.status).toBe(303);
    expect(json.status).toBe(401);
    await request(h.app).get('/board/unknown').expect(404);
  });

  it('lists open deadlines on the dashboard in red and yellow', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get('/monitoring/dashboard').expect(200);
    // then
    expect(res.text).toMatch(/危化品仓库未落实双重预防机制<\/a><\/td><td>坛山街道<\/td><td>2026年11月27日 23:59<\/td><td><span class="badge red">/);
    expect(res.text).toMatch(/储罐区重大事故隐患[\s\S]*?badge yellow/);
  });

  it('shows a unit the documents addressed to it, not a handover letter filed under its inspection; the department gets that letter', async () => {
    // given an accountability referral to a department, filed under 坛山街道's inspection and its problem
    const problem = await h.store.db.selectFrom('handovers').innerJoin('problems', 'problems.id', 'handovers.problem_id')
      .select(['problems.id', 'problems.inspection_id']).where('handovers.department_code', '=', h.departmentCode).executeTakeFirstOrThrow();
    writeFileSync(join(h.archiveDir, 'documents', 'b.docx'), 'DOCX-B');
    const letter = (id: string, seq: number, subject: string) => ({ id, doc_type: 'handover-letter', issuer: '峄安委办', year: 2026, seq, doc_no: `峄安委办〔2026〕${seq}号`, title: `移交函${seq}`, subject, path: 'documents/b.docx', sha256: 'x', size: 6, created_at: by.at });
    await h.store.db.insertInto('documents').values([letter('doc-referral', 2, `inspection:${problem.inspection_id}`), letter('doc-handover', 3, `problem:${problem.id}`)]).execute();
    const unit = await signIn(h.app, LOGINS.unitA);
    const dept = await signIn(h.app, h.departmentLogin);
    // when
    const unitRegister = await unit.agent.get('/registers/documents').expect(200);
    const unitDownloads = await Promise.all(['doc-referral', 'doc-handover', docA].map(async (id) => (await unit.agent.get(`/documents/${id}`)).status));
    const deptRegister = await dept.agent.get('/registers/documents').expect(200);
    // then
    expect(unitRegister.text).toContain('峄安委办〔2026〕1号');
    expect(unitRegister.text).not.toContain('移交函');
    expect(unitDownloads).toEqual([404, 404, 200]);
    expect(deptRegister.text).toContain('移交函3');
    expect(deptRegister.text).not.toContain('移交函2');
  });
});
