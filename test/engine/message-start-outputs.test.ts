import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

/** A message start event with output mappings: the message variables are its local input, only the mapped ones reach the instance. */
describe('message start event with output mappings', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('maps the message variables into the process instance and drops the unmapped ones', async () => {
    // given
    await h.deploy(bpmn('report').start('received', { message: '情况报告', outputs: [['=单位', '报告单位'], ['=级别 * 10', '分值']] }).userTask('review').end());
    // when
    await h.engine.publishMessage({ name: '情况报告', correlationKey: '', variables: { 单位: '坛山街道', 级别: 3, 备注: '无' } });
    // then
    const review = await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED', value: { bpmnElementType: 'USER_TASK' } });
    expect(h.variables(review.value.processInstanceKey as string)).toEqual({ 报告单位: '坛山街道', 分值: 30 });
  });
});
