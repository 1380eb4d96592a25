import { auditTrail } from '../../src/db/audit';
import { documentRegister } from '../../src/db/documents';
import { seedDemoData } from '../../src/db/seed';
import { getProblem } from '../../src/db/registers/inspections';
import { sampleOf } from '../../src/db/registers/publications';
import { departmentItems, publishedAnnouncements } from '../../src/db/web-queries';
import { getHandover, getHazard, getTalk, progressOf } from '../../src/db/registers/supervision';
import { drawSample } from '../../src/domain/sampling';
import announce from '../../workers/announce';
import document from '../../workers/document';
import assessment from '../../workers/assessment';
import classify from '../../workers/classify';
import escalate from '../../workers/escalate';
import handover from '../../workers/handover';
import hazard from '../../workers/hazard';
import record from '../../workers/record';
import sample from '../../workers/sample';
import talk from '../../workers/talk';
import { type Store } from '../../src/db/connect';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job, type Harness } from '../support/workers';

/** An inspection of 榴园镇 with a 重大 ammonia hazard at an enterprise and a 一般 work problem. */
async function inspectionWithProblems(store: Store, h: Harness) {
  await seedDemoData(store.db);
  const inspectionId = completed(await h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId as string;
  const [major, minor] = completed(await h.run(record, job('yc-record', { inspectionId, problems: [
    { category: 'C5', severity: '重大', industry: '涉氨制冷', enterpriseCode: 'YC-E-01', description: '液氨储罐区未设置泄漏报警装置', legalBasis: '工贸令10号 第十三条' },
    { category: 'C5', severity: '一般', industry: '城镇燃气', description: '燃气管道巡检记录缺失' },
  ] }, { action: 'problems-registered' }))).problemIds as string[];
  return { inspectionId, major, minor };
}

describe.each(dialects)('supervision workers on %s', (dialect) => {
  const stores = useStores(dialect);

  it('classifies problems and hands one over: letter numbered once, receipt, refusal as an outcome, result', async () => {
    // given
    const store = await stores.open();
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const { major, minor } = await inspectionWithProblems(store, h);
    // when
    const routeMajor = completed(await h.run(classify, job('yc-classify', { problem: { id: major, category: 'C5', severity: '重大', industry: '涉氨制冷' } })));
    const routeMinor = completed(await h.run(classify, job('yc-classify', { problem: { id: minor, category: 'C5', severity: '一般', industry: '城镇燃气' } })));
    const send = job('yc-handover', { problemId: minor, departmentCode: routeMinor.departmentCode, resultDue: '2026-11-09T23:59:59+08:00' }, { action: 'send' });
    const sent = completed(await h.run(handover, send));
    const resent = completed(await h.run(handover, send));
    const received = await h.run(handover, job('yc-handover', { handoverId: sent.handoverId, receiptAccepted: true, refusalReason: null, receiptSigner: '王建国' }, { action: 'receipt' }));
    const result = await h.run(handover, job('yc-handover', { handoverId: sent.handoverId, resultText: '已立案查处，罚款2万元', resultMeasures: '下达行政处罚决定书', resultEvidence: ['E-1', 'E-2'] }, { action: 'result' }));
    // the diagram issues the letter first (yc-document) and hands its number to send
    const letter = completed(await h.run(document, job('yc-document', { problemId: minor, departmentCode: 'YC-M-06' }, { docType: 'handover-letter' })));
    const second = completed(await h.run(handover, job('yc-handover', { problemId: minor, departmentCode: 'YC-M-06', ...letter }, { action: 'send' })));
    const refused = await h.run(handover, job('yc-handover', { handoverId: second.handoverId, receiptAccepted: false, refusalReason: '燃气不属于本局监管', receiptSigner: '李明' }, { action: 'receipt' }));
    const unanswered = await h.run(handover, job('yc-handover', { handoverId: second.handoverId, refusalReason: '没有签收意见' }, { action: 'receipt' }));
    // then
    expect(routeMajor).toEqual({ route: 'listing', departmentCode: 'YC-M-06' });
    expect(routeMinor).toEqual({ route: 'handover', departmentCode: 'YC-M-07' });
    expect(resent).toEqual(sent);
    expect(sent.handoverNo).toBe('峄安委办〔2026〕1号');
    expect(second.handoverNo).toBe('峄安委办〔2026〕2号');
    expect(received.outcome).toBe('complete');
    expect(result.outcome).toBe('complete');
    // what the department entered in its tasks is kept in the register
    expect(await getHandover(store.db, sent.handoverId)).toMatchObject({ status: 'done', result_text: '已立案查处，罚款2万元', department_code: 'YC-M-07',
      receipt_signer: '王建国', result_measures: '下达行政处罚决定书', result_evidence: '["E-1","E-2"]' });
    expect(await getHandover(store.db, second.handoverId)).toMatchObject({ status: 'refused', refusal_reason: '燃气不属于本局监管', receipt_signer: '李明' });
    // a receipt without the department's decision is bad input, never taken for an acceptance
    expect(unanswered.outcome).toBe('fail');
    // a refusal is the department's answer, which the diagram branches on, not an error
    expect(completed(refused)).toEqual({ handoverId: second.handoverId, handoverNo: '峄安委办〔2026〕2号', handoverRefused: true, refusalReason: '燃气不属于本局监管' });
    expect(completed(received)).toMatchObject({ handoverRefused: false, refusalReason: null });
    expect((await documentRegister(store.db, { docType: 'handover-letter' })).map((d) => d.doc_no).sort()).toEqual(['峄安委办〔2026〕1号', '峄安委办〔2026〕2号']);
    await h.cleanup();
  }, 60_000);

  it('ends the earlier department\'s open handover of a problem when the office reassigns it (改派)', async () => {
    // given a handover the first department never answered
    const store = await stores.open();
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const { minor } = await inspectionWithProblems(store, h);
    const first = completed(await h.run(handover, job('yc-handover', { problemId: minor, departmentCode: 'YC-M-07' }, { action: 'send' })));
    // when the office names another department and a new handover is sent
    const second = completed(await h.run(handover, job('yc-handover', { problemId: minor, departmentCode: 'YC-M-06' }, { action: 'send' })));
    // then the first no longer awaits its department, the second does
    expect(await getHandover(store.db, first.handoverId)).toMatchObject({ status: 'reassigned', department_code: 'YC-M-07' });
    expect(await getHandover(store.db, second.handoverId)).toMatchObject({ status: 'sent', department_code: 'YC-M-06' });
    expect(await departmentItems(store.db, ['YC-M-07'])).toEqual([]);
    expect((await departmentItems(store.db, ['YC-M-06'])).map((i) => i.handoverId)).toEqual([second.handoverId]);
    await h.cleanup();
  }, 60_000);

  it('runs a listed hazard through listing, publication, progress, extension rules, acceptance and 销号', async () => {
    // given
    const store = await stores.open();
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    const { major } = await inspectionWithProblems(store, h);
    // the listing-decision form's fields, as the diagram maps them
    const list = job('yc-hazard', { problemId: major, hazard: { name: '液氨储罐区未设置泄漏报警装置', responsiblePerson: '企业主要负责人 张三', measures: '加装泄漏报警和喷淋',
      funds: 40, deadline: '2027-01-29T23:59:59+08:00', emergencyPlan: '液氨泄漏专项预案', caseLeader: '副区长 高振华', stopProduction: true } }, { action: 'list' });
    // when
    const listed = completed(await h.run(hazard, list));
    const relisted = completed(await h.run(hazard, list));
    const hazardId = listed.hazardId as string;
    const notice = completed(await h.run(document, job('yc-document', { hazardId }, { docType: 'listing-notice' })));
    await h.run(hazard, job('yc-hazard', { hazardId }, { action: 'publish' }));
    const announced = completed(await h.run(announce, job('yc-announce', { hazardId }, { kind: 'listing' })));
    await h.run(hazard, job('yc-hazard', { hazardId, progress: { percent: 40, text: '报警装置已采购', by: 'danwei-370404103' } }, { action: 'progress' }));
    // the unit's request (message) and the committee's decision (form), as the diagram maps them onto `extension`
    const extended = await h.run(hazard, job('yc-hazard', { hazardId, extension: { requestedDue: '2027-03-31', reason: '设备到货延迟',
      decision: 'grant', newDeadline: '2027-03-31T23:59:59+08:00', opinion: null } }, { action: 'extend' }));
    const tooLong = await h.run(hazard, job('yc-hazard', { hazardId, extension: { requestedDue: '2027-12-31', reason: '再延期', decision: 'grant' } }, { action: 'extend' }));
    const refused = await h.run(hazard, job('yc-hazard', { hazardId, extension: { requestedDue: '2027-05-31', reason: '资金未到位', decision: 'refuse', opinion: '理由不充分' } }, { action: 'extend' }));
    const failed = await h.run(hazard, job('yc-hazard', { hazardId, acceptance: { passed: false, opinion: '喷淋未联动', acceptedOn: '2027-03-01', experts: '秦振东、李伟', fundsSpent: 38 } }, { action: 'accept' }));
    const passed = await h.run(hazard, job('yc-hazard', { hazardId, acceptance: { passed: true, opinion: '整改到位', acceptedOn: '2027-03-20', experts: '秦振东', fundsSpent: 42 } }, { action: 'accept' }));
    const delisted = completed(await h.run(hazard, job('yc-hazard', { hazardId }, { action: 'delist' })));
    await h.run(hazard, job('yc-hazard', { hazardId }, { action: 'publish-delisting' }));
    await h.run(announce, job('yc-announce', { hazardId }, { kind: 'delisting' }));
    // then
    expect(relisted).toEqual(listed);
    expect(listed).toEqual({ hazardId, listingNo: '峄安委挂〔2026〕1号', rectifyDue: '2027-01-29T23:59:59+08:00', publishDue: '2026-10-15T23:59:59+08:00' }); // 5 working days: 10-10 (调休 Saturday), 12, 13, 14, 15
    expect(notice.listingNoticeDocumentNo).toBe('峄安委〔2026〕1号');
    expect(announced.announcementId).toBeTruthy();
    expect(extended).toEqual({ outcome: 'complete', variables: { hazardId, listingNo: '峄安委挂〔2026〕1号', rectifyDue: '2027-03-31T23:59:59+08:00', extensionGranted: true, extensionRefusal: null } });
    // refusals and failed acceptances are outcomes the diagrams branch on; the deadline stays as it was
    expect(completed(tooLong)).toMatchObject({ extensionGranted: false, extensionRefusal: '挂牌督办整改期限最长不超过一年（2027-10-09）。', rectifyDue: '2027-03-31T23:59:59+08:00' });
    expect(completed(refused)).toMatchObject({ extensionGranted: false, extensionRefusal: '区安委会不同意延期：理由不充分', rectifyDue: '2027-03-31T23:59:59+08:00' });
    expect(completed(failed)).toMatchObject({ acceptancePassed: false });
    // the acceptance keeps its date, experts and funds, and each acceptance and the 销号 are filed as decisions
    expect(await store.db.selectFrom('acceptances').select(['passed', 'accepted_on', 'experts', 'funds_spent']).where('hazard_id', '=', hazardId).orderBy('decided_at').execute())
      .toEqual([{ passed: 0, accepted_on: '2027-03-01', experts: '秦振东、李伟', funds_spent: '38万元' }, { passed: 1, accepted_on: '2027-03-20', experts: '秦振东', funds_spent: '42万元' }]);
    expect(completed(passed).acceptanceDecisionDocumentNo).toMatch(/^峄安委〔2026〕\d+号$/);
    expect(delisted.delistingDecisionDocumentNo).toMatch(/^峄安委〔2026〕\d+号$/);
    expect(completed(passed)).toMatchObject({ acceptancePassed: true });
    expect(passed.outcome).toBe('complete');
    expect(delisted.publishDue).toBe('2026-10-15T23:59:59+08:00');
    expect(await getHazard(store.db, hazardId)).toMatchObject({ status: 'PUBLISHED_CLOSED', listing_no: '峄安委挂〔2026〕1号', funds: '40万元', enterprise_code: 'YC-E-01',
      responsible: '企业主要负责人 张三；包案领导：副区长 高振华', measures: '加装泄漏报警和喷淋；整改期间停产停业' });
    expect((await progressOf(store.db, hazardId)).map((p) => p.percent)).toEqual([40]);
    expect((await publishedAnnouncements(store.db)).map((a) => a.title).sort()).toEqual(['重大事故隐患挂牌督办公告', '重大事故隐患摘牌销号公告']);
    expect((await getProblem(store.db, major))?.status).toBe('resolved');
    const actions = (await auditTrail(store.db, { entity: 'hazards', entityId: hazardId })).map((e) => e.action);
    expect(actions).toEqual(['list', 'number', 'publish', 'progress', 'rectifying', 'extend', 'extended', 'refuse-extension',
      'refuse-extension', 'fail-acceptance', 'accept', 'accepted', 'delist', 'publish-delisting']);
    await h.cleanup();
  }, 60_000);

  it('refuses an extension asked for less than 20 working days before the deadline', async () => {
    // given a hazard due 2026-10-30, asked on 2026-10-09 (15 working days before, across no holiday)
    const store = await stores.open();
    const h = await harness(store, { now: '2026-10-09T02:00:00Z' });
    await seedDemoData(store.db);
    const hazardId = completed(await h.run(hazard, job('yc-hazard', { hazard: { name: '有限空间作业无检测设备', unitCode: '370404102', deadline: '2026-10-30' } }, { action: 'list' }))).hazardId;
    // when
    const late = await h.run(hazard, job('yc-hazard', { hazardId, extension: { requestedDue: '2026-12-30', reason: '资金未到位', decision: 'grant' } }, { action: 'extend' }));
    // then
    expect(completed(late)).toMatchObject({ extensionGranted: false, extensionRefusal: '延期申请应在整改期限（2026-10-30）前20个工作日以上提出。', rectifyDue: '2026-10-30T23:59:59+08:00' });
    await h.cleanup();
  }, 60_000);

  it('schedules a talk with its notice, records minutes with the follow-up deadline, and escalates up the ladder', async () => {
    // given
    const store = await stores.open();
    const h = await harness(store, { now: '2026-09-28T02:00:00Z' });
    const { minor } = await inspectionWithProblems(store, h);
    // when
    const scheduled = completed(await h.run(talk, job('yc-talk', { talk: { subjectUnitCode: '370404103', reason: '重大事故隐患久拖不改', at: '2026-09-30T09:00:00+08:00', attendees: ['镇长', '分管副镇长'] } }, { action: 'schedule' })));
    const notice = completed(await h.run(document, job('yc-document', { talkId: scheduled.talkId }, { docType: 'talk-notice' })));
    const minutes = completed(await h.run(talk, job('yc-talk', { talkId: scheduled.talkId, talkMinutes: { heldAt: '2026-09-30T09:00:00+08:00', interviewee: '榴园镇镇长', problems: '镇长表态一周内完成整改' } }, { action: 'minutes' })));
    // the escalation ladder schedules a talk whose time is not fixed yet; the minutes form sets the follow-up date
    const unfixed = completed(await h.run(talk, job('yc-talk', { talk: { subjectUnitCode: '370404103', reason: '整改逾期', at: null, attendees: [] } }, { action: 'schedule' })));
    const formMinutes = completed(await h.run(talk, job('yc-talk', { talkId: unfixed.talkId, talkMinutes: { problems: '整改不力', opinion: '限期整改',
      commitments: '一周内完成', followUpDate: '2026-10-20T00:00:00+08:00' } }, { action: 'minutes' })));
    const levels: unknown[] = [];
    let level = 0;
    for (let i = 0; i < 6; i++) {
      const out = completed(await h.run(escalate, job('yc-escalate', { problemId: minor, escalationLevel: level })));
      levels.push([out.escalationStep, out.escalationColor]);
      level = out.escalationLevel as number;
    }
    const exhausted = await h.run(escalate, job('yc-escalate', { problemId: minor, escalationLevel: level }));
    // then
    expect(notice.talkNoticeDocumentNo).toBe('峄安委〔2026〕1号');
    expect(formMinutes.followUpDue).toBe('2026-10-20T23:59:59+08:00');
    expect((await getTalk(store.db, unfixed.talkId))?.minutes).toBe('指出问题：整改不力\n整改意见：限期整改\n表态承诺：一周内完成');
    expect(minutes.followUpDue).toBe('2026-10-13T23:59:59+08:00'); // 5 working days after 09-30: 10-08, 09, 10 (调休), 12, 13
    expect(await getTalk(store.db, scheduled.talkId)).toMatchObject({ minutes: '指出问题：镇长表态一周内完成整改', held_at: '2026-09-30T09:00:00+08:00', interviewee: '榴园镇镇长' });
    expect(minutes.talkMinutesDocumentNo).toBe('峄安委办〔2026〕1号');
    expect(levels).toEqual([['催办', 'yellow'], ['督办函', 'red'], ['约谈', 'red'], ['通报', 'red'], ['挂牌', 'red'], ['问责', 'red']]);
    // past the last rung the ladder is exhausted: a state for the committee to decide on, not an error
    expect(completed(exhausted)).toEqual({ escalationLevel: 6, escalationStep: null, escalationColor: 'red', escalationExhausted: true });
    expect((await getProblem(store.db, minor))?.escalation_level).toBe(6);
    // the committee's decision and the referral's result are recorded on the problem
    const decided = await h.run(escalate, job('yc-escalate', { problemId: minor, escalationDecision: 'refer', escalationOpinion: '移送区纪委监委' }, { action: 'decision' }));
    const outcome = await h.run(escalate, job('yc-escalate', { problemId: minor, referralOutcome: 'accountable', referralResult: '诫勉谈话' }, { action: 'outcome' }));
    expect([completed(decided), completed(outcome)]).toEqual([{}, {}]);
    const trail = (await auditTrail(store.db, { entity: 'problems', entityId: minor })).filter((t) => /^(escalation-decision|referral-outcome):/.test(t.action));
    expect(trail.map((t) => [t.action, t.data])).toEqual([
      ['escalation-decision:refer', { decision: 'refer', opinion: '移送区纪委监委' }],
      ['referral-outcome:accountable', { outcome: 'accountable', result: '诫勉谈话' }]]);
    const missing = await h.run(escalate, job('yc-escalate', { problemId: minor }, { action: 'outcome' }));
    expect(missing).toMatchObject({ outcome: 'fail', errorMessage: expect.stringContaining('referralOutcome') });
    await h.cleanup();
  }, 60_000);

  it('scores the unit, issues the results bulletin with copies, announces the feedback and draws the monthly sample once', async () => {
    // given
    const store = await stores.open();
    const h = await harness(store, { now: '2026-11-02T02:00:00Z' });
    const { inspectionId } = await inspectionWithProblems(store, h);
    // when
    const scored = completed(await h.run(assessment, job('yc-assessment', { inspectionId }, { action: 'score' })));
    const issued = completed(await h.run(document, job('yc-document', { inspectionId }, { docType: 'results-bulletin' })));
    const copied = completed(await h.run(assessment, job('yc-assessment', { inspectionId }, { action: 'copy' })));
    const announced = completed(await h.run(announce, job('yc-announce', { inspectionId }, { kind: 'feedback' })));
    await h.run(escalate, job('yc-escalate', { problemId: null, inspectionId, escalationLevel: null }));
    const rescored = completed(await h.run(assessment, job('yc-assessment', { inspectionId }, { action: 'score' })));
    const drawn = completed(await h.run(sample, job('yc-sample', { month: '2026-11' })));
    const redrawn = completed(await h.run(sample, job('yc-sample', { month: '2026-11' })));
    // then
    expect(scored).toMatchObject({ score: 88, grade: '良好' }); // 100 − 10 (重大) − 2 (一般)
    expect(copied).toMatchObject({ score: 88, resultsBulletinDocumentNo: '峄安委〔2026〕1号' });
    expect(issued.resultsBulletinDocumentNo).toBe('峄安委〔2026〕1号');
    const [bulletin, ...more] = await documentRegister(store.db, { docType: 'results-bulletin' });
    expect(more).toEqual([]);
    expect(bulletin.title).toBe('关于榴园镇安全生产巡查结果的通报');
    expect((await publishedAnnouncements(store.db)).find((a) => a.id === announced.announcementId)?.body).toBe('区安委会巡查组已向榴园镇反馈巡查意见，共反馈问题2个，现予公告，接受社会监督。');
    expect(rescored).toEqual({ // one escalation step: −2, in place before the year's cut-off (31 December by default)
      assessmentId: scored.assessmentId, score: 86, grade: '良好', assessmentYear: 2026, assessmentCutoffAt: '2027-01-01T00:00:00+08:00', updatedAfterCutoff: false,
    });
    expect(redrawn).toEqual(drawn);
    expect(drawn.sampledUnits).toEqual(['370404103']);
    const recorded = await sampleOf(store.db, '2026-11');
    expect(drawSample('2026-11', recorded!.seed, ['370404103']).units).toEqual(recorded!.units);
    await h.cleanup();
  }, 60_000);
});
