import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A2 service tasks and jobs', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('runs start → service task → end and completes the instance with the job variables', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work', headers: { a: '1' } }).end());
    const pi = await h.create('p', { x: 1 });
    // when
    const job = await h.activateOne('work');
    await h.engine.completeJob(job.key, { y: 2 });
    // then
    await h.awaitCompleted(pi);
    expect(job.variables).toEqual({ x: 1 });
    expect(job.customHeaders).toEqual({ a: '1' });
    expect(h.trace(pi)).toEqual([
      'p:ELEMENT_ACTIVATING', 'p:ELEMENT_ACTIVATED',
      'start:ELEMENT_ACTIVATING', 'start:ELEMENT_ACTIVATED', 'start:ELEMENT_COMPLETING', 'start:ELEMENT_COMPLETED',
      'flow_start_task_1:SEQUENCE_FLOW_TAKEN',
      'task:ELEMENT_ACTIVATING', 'task:ELEMENT_ACTIVATED', 'task:ELEMENT_COMPLETING', 'task:ELEMENT_COMPLETED',
      'flow_task_end_2:SEQUENCE_FLOW_TAKEN',
      'end:ELEMENT_ACTIVATING', 'end:ELEMENT_ACTIVATED', 'end:ELEMENT_COMPLETING', 'end:ELEMENT_COMPLETED',
      'p:ELEMENT_COMPLETING', 'p:ELEMENT_COMPLETED',
    ]);
    expect(h.find({ valueType: 'VARIABLE', intent: 'CREATED' }).map((r) => [r.value.name, r.value.value, r.value.scopeKey])).toEqual([
      ['x', '1', pi], ['y', '2', pi],
    ]);
  });
});
