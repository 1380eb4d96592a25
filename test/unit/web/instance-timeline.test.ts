import { instancePage, TIMELINE_SHOWN } from '../../../src/web/views/monitoring';

describe('the timeline of a monitored instance', () => {
  const instance = { processInstanceKey: '10', processDefinitionId: 'p', processDefinitionKey: '1', state: 'ACTIVE' };
  const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ elementInstanceKey: String(100 + i), elementId: `e${i}`, elementName: `环节${i}`, state: 'COMPLETED', startDate: '2027-03-01T07:00:00Z' }));
  const page = (n: number) => instancePage({ csrf: 'x', path: '/monitoring' }, { instance, elements: steps(n), incidents: [], variables: [], flows: [] }).toString();

  it('folds all but the latest steps of a long-running instance', () => {
    // when
    const long = page(TIMELINE_SHOWN + 5);
    // then
    expect(long).toContain('<details class="earlier"><summary>较早的 5 条记录</summary>');
    expect(long).toContain(`<ol class="timeline" id="timeline" start="6"><li class="completed"><strong>环节5</strong>`);
    expect(long).toContain('2027年3月1日 15:00');
  });

  it('shows a short timeline whole', () => {
    // when
    const short = page(3);
    // then
    expect(short).not.toContain('较早的');
    expect(short).toContain('<ol class="timeline" id="timeline"><li class="completed"><strong>环节0</strong>');
  });
});
