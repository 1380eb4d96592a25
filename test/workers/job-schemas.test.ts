import { openStore, type Store } from '../../src/db/connect';
import { WORKERS, workerFor } from '../../workers/catalog';
import { harness, job, type Harness } from '../support/workers';

/**
 * One malformed job per job type: each fails at once (no retries, an incident a retry cannot fix) with a message that
 * names the job type and the field, and nothing is written. yc-compliance-report reads no variables.
 */
const MALFORMED: [type: string, headers: Record<string, string>, variables: Record<string, unknown>, message: RegExp][] = [
  ['yc-deadline', { rule: 'months', amount: '2', from: 'feedbackAt', result: 'due' }, { feedbackAt: 42 }, /^yc-deadline: variable feedbackAt \(start of the period\) is missing or not a date$/],
  ['yc-notify', { template: 'team-notice', to: 'team-members' }, { teams: [{ name: '第一巡查组', leaderId: 7, deputyId: 'p-2' }] }, /^yc-notify: invalid variables: teams\.0\.leaderId: /],
  ['yc-plan-check', {}, { plan: { year: 2027, cycleStart: '2027-01-01', units: [], rounds: [] } }, /^yc-plan-check: invalid variables: plan\.units: .*; plan\.rounds: /],
  ['yc-team-check', {}, { teams: [{ name: '第一巡查组', leaderId: 'p-1', deputyId: 'p-2', memberIds: 'p-3' }] }, /^yc-team-check: invalid variables: teams\.0\.memberIds: /],
  ['yc-record', { action: 'inspection-opened' }, { unitCode: 370404103 }, /^yc-record: invalid variables: unitCode: /],
  ['yc-record', { action: 'onsite-finished' }, { inspectionId: 'I-1', methods: ['暗访'] }, /^yc-record: invalid variables: methods\.0: /],
  ['yc-document', { docType: 'handover-letter' }, { problemId: 7 }, /^yc-document: invalid variables: problemId: /],
  ['yc-classify', {}, { problem: { id: 'Q-1', category: 'C10', severity: '一般' } }, /^yc-classify: invalid variables: problem\.category: /],
  ['yc-handover', { action: 'receipt' }, { handoverId: 'H-1', receiptAccepted: '签收办理' }, /^yc-handover: invalid variables: receiptAccepted: /],
  ['yc-handover', { action: 'receipt' }, { handoverId: 'H-1' }, /^yc-handover: receiptAccepted \(签收或退回\) is required to record the receipt$/],
  ['yc-handover', { action: 'result' }, { handoverId: 'H-1', resultText: '' }, /^yc-handover: invalid variables: resultText: /],
  ['yc-hazard', { action: 'extend' }, { hazardId: 'HZ-1', extension: { requestedDue: '2027-01-01', reason: '', decision: 'grant' } }, /^yc-hazard: invalid variables: extension\.reason: /],
  ['yc-talk', { action: 'schedule' }, { talk: { subjectUnitCode: '370404103' } }, /^yc-talk: invalid variables: talk\.reason: /],
  ['yc-escalate', { action: 'step' }, { problemId: 'Q-1', escalationLevel: -1 }, /^yc-escalate: invalid variables: escalationLevel: /],
  ['yc-assessment', { action: 'freeze' }, { assessmentYear: '2026' }, /^yc-assessment: invalid variables: assessmentYear: /],
  ['yc-announce', { kind: 'feedback' }, { inspectionId: 5 }, /^yc-announce: invalid variables: inspectionId: /],
  ['yc-coverage', {}, { asOf: '2026' }, /^yc-coverage: invalid variables: asOf: /],
  ['yc-sample', {}, { month: '2026-13' }, /^yc-sample: invalid variables: month: expected YYYY-MM$/],
  ['yc-publish', { message: 'problem-case-requested' }, { correlationKey: '' }, /^yc-publish: invalid variables: correlationKey: /],
];

describe('one schema per job type', () => {
  let store: Store;
  let h: Harness;
  beforeAll(async () => { store = await openStore({ databaseUrl: 'sqlite::memory:' }); h = await harness(store); });
  afterAll(async () => { await h.cleanup(); await store.close(); });

  it('has a malformed case for every job type that reads variables', () => {
    expect(new Set(MALFORMED.map(([type]) => type))).toEqual(new Set(WORKERS.map((w) => w.type).filter((t) => t !== 'yc-compliance-report')));
  });

  it.each(MALFORMED)('%s %j fails without retries, naming the field', async (type, headers, variables, message) => {
    // when
    const outcome = await h.run(workerFor(type)!, job(type, variables, headers));
    // then
    expect(outcome).toEqual({ outcome: 'fail', retries: 0, retryBackOffMs: 0, errorMessage: expect.stringMatching(message) });
    expect(await store.db.selectFrom('audit_log').select('seq').execute()).toEqual([]);
  });
});
