import { bpmn } from '../support/bpmn-builder';
import { EngineHarness } from '../support/harness';

describe('FEEL semantics seen through the engine (A3, A11)', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const gateway = (id: string, condition: string) =>
    bpmn(id).start().exclusiveGateway('gw', { default: 'other' })
      .condition(condition, 'yes').end('e1')
      .from('gw').flowId('other').end('e2');

  it('raises an incident naming NOT_COMPARABLE when a condition compares a number with a text', async () => {
    // given
    await h.deploy(gateway('cmp', '=x > "10"'));
    // when
    const pi = await h.create('cmp', { x: 5 });
    // then
    const [incident] = h.incidents(pi);
    expect(incident.value.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(incident.value.errorMessage).toMatch(
      /^Expected result of the (condition )?expression 'x > "10"' to be 'BOOLEAN', but was 'NULL'\. The evaluation reported the following warnings:\n\[NOT_COMPARABLE\] Can't compare '5' with '"10"'$/,
    );
  });

  it('leaves a missing variable checked with is defined out of the incident warnings', async () => {
    // given
    await h.deploy(gateway('def', '=if is defined(flag) then flag else null'));
    // when
    const pi = await h.create('def');
    // then
    const [incident] = h.incidents(pi);
    expect(incident.value.errorMessage).toMatch(
      /^Expected result of the (condition )?expression 'if is defined\(flag\) then flag else null' to be 'BOOLEAN', but was 'NULL'\.$/,
    );
  });

  it('stores durations, zoned date-times and builtin results as Zeebe does in input mappings', async () => {
    // given
    await h.deploy(bpmn('store').start().serviceTask('t', {
      type: 'feel-store',
      inputs: [
        ['=duration("PT8H") * 3', 'wait'],
        ['=date and time(date and time("2026-03-02T08:00:00Z"), "Asia/Shanghai")', 'local'],
        ['=count(count)', 'n'],
      ],
    }).end('done'));
    // when
    await h.create('store', { count: [1, 2] });
    // then
    const job = await h.activateOne('feel-store');
    expect(job.variables).toMatchObject({ wait: 'P1D', local: '2026-03-02T16:00:00+08:00[Asia/Shanghai]', n: 2 });
  });

  it('reads and writes names in backticks in input mappings', async () => {
    // given
    await h.deploy(bpmn('ticks').start().serviceTask('t', {
      type: 'feel-ticks',
      inputs: [
        ['=`order-id`', 'orderId'],
        ['=`unit-price` * qty', 'amount'],
        ['=response.`content-type`', 'contentType'],
        ['={`request-id`: `order-id` + "-1"}', 'headers'],
      ],
    }).end('done'));
    // when
    await h.create('ticks', { 'order-id': 'A-7', 'unit-price': 2.5, qty: 4, response: { 'content-type': 'json' } });
    // then
    const job = await h.activateOne('feel-ticks');
    expect(job.variables).toMatchObject({ orderId: 'A-7', amount: 10, contentType: 'json', headers: { 'request-id': 'A-7-1' } });
  });
});
