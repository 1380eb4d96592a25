// processes/compliance-report.bpmn (二（一）): the quarterly compliance report, issued at each quarter's end on the
// engine's clock and delivered to the committee.
import { ProcessHarness } from './support/process-harness';

describe('compliance-report', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('compliance-report');
  });
  afterEach(() => p.close());

  /** When the start timers were set to fire, in order. */
  const timerDues = () => p.h.records.filter((r) => r.valueType === 'TIMER' && r.intent === 'CREATED').map((r) => new Date(Number(r.value.dueDate)).toISOString());

  it('issues the report at the end of each quarter, China time, and delivers it to the committee', async () => {
    // given the engine clock in March 2026: the timer waits for the quarter's end, 24:00 China time
    expect(timerDues()).toEqual(['2026-03-31T16:00:00.000Z']);
    // when the first quarter ends
    p.moveClockTo('2026-04-01T00:00:01+08:00');
    // then the report is issued and goes to the committee with its 文号, title and quarter
    await p.job('yc-compliance-report', {}, {
      complianceReportDocumentId: 'd1', complianceReportDocumentNo: '峄安委办〔2026〕7号',
      complianceReportTitle: '关于2026年第一季度安全生产巡查条款落实情况的报告', complianceQuarter: '2026年第一季度',
    });
    const delivery = await p.job('yc-notify', { template: 'compliance-report', to: 'committee' });
    expect(delivery.variables).toMatchObject({ period: '2026年第一季度', documentNo: '峄安委办〔2026〕7号', documentTitle: '关于2026年第一季度安全生产巡查条款落实情况的报告' });
    await p.completed(delivery.processInstanceKey);
    // and next at the second quarter's end
    expect(timerDues()).toEqual(['2026-03-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z']);
    p.moveClockTo('2026-07-01T00:00:01+08:00');
    await p.job('yc-compliance-report', {}, { complianceReportDocumentNo: '峄安委办〔2026〕9号', complianceQuarter: '2026年第二季度', complianceReportTitle: '…' });
    expect((await p.job('yc-notify', { template: 'compliance-report' })).variables).toMatchObject({ period: '2026年第二季度' });
  });
});
