import { activatableElements } from '../../../src/web/monitoring/activatable-elements';
import { readModificationInput, rejectionMessage, toModification } from '../../../src/web/monitoring/modification-form';

const DIAGRAM = new Set(['review', 'report']);

describe('the modification form of the monitoring page', () => {
  it('turns the input into Camunda\'s modification body: the flow scope found by the engine, variables on the activation', () => {
    // given
    const input = readModificationInput({ terminate: ['2251799813685265', ' 2251799813685265 '], elementId: ' report ', variables: ' {"退回原因": "材料不全"} ' });
    // when
    const { modification, errors } = toModification(input, DIAGRAM);
    // then
    expect(errors).toEqual({});
    expect(modification).toEqual({
      activateInstructions: [{ elementId: 'report', ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: { 退回原因: '材料不全' } }] }],
      terminateInstructions: [{ elementInstanceKey: '2251799813685265' }],
    });
  });

  it('sends no variable instruction for an empty object', () => {
    // when
    const { modification } = toModification(readModificationInput({ elementId: 'review', variables: '{}' }), DIAGRAM);
    // then
    expect(modification?.activateInstructions).toEqual([{ elementId: 'review', ancestorElementInstanceKey: '-1' }]);
  });

  it('terminates without activating when no element is chosen', () => {
    // when
    const { modification } = toModification(readModificationInput({ terminate: '42' }), DIAGRAM);
    // then
    expect(modification).toEqual({ activateInstructions: [], terminateInstructions: [{ elementInstanceKey: '42' }] });
  });

  it.each([
    [{ elementId: 'report', variables: '{"a": ' }, 'variables', /^变量不是有效的 JSON：/],
    [{ elementId: 'report', variables: '[1, 2]' }, 'variables', /^变量必须是一个 JSON 对象/],
    [{ elementId: 'report', variables: 'null' }, 'variables', /^变量必须是一个 JSON 对象/],
    [{ elementId: 'report', variables: '{" ": 1}' }, 'variables', /^变量名不能为空/],
    [{ elementId: 'report', variables: `{"a": "${'x'.repeat(33 * 1024)}"}` }, 'variables', /^变量内容过长/],
    [{ terminate: '1', variables: '{"a": 1}' }, 'variables', /^设置变量需要同时选择要激活的环节/],
    [{ elementId: 'start' }, 'elementId', /^请选择流程图中可以激活的环节/],
    [{ terminate: ['1', 'abc'] }, 'terminate', /^要终止的环节实例编号无效/],
    [{}, 'form', /^请至少选择一个要终止的环节实例，或一个要激活的环节/],
  ])('refuses %j with a Chinese message on %s', (body, field, message) => {
    // when
    const { modification, errors } = toModification(readModificationInput(body), DIAGRAM);
    // then
    expect(modification).toBeUndefined();
    expect(errors[field as keyof typeof errors]).toMatch(message);
  });

  it('explains the engine\'s rejection in Chinese and keeps its own words beside it', () => {
    // given
    const detail = "Expected to modify instance of process 'p' but it contains one or more activate instructions for an element that has a flow scope with more than one active instance: 'sub'.";
    // when
    const known = rejectionMessage(detail);
    const unknown = rejectionMessage('Something new');
    // then
    expect(known).toBe(`目标环节所在的子流程有多个进行中的实例，无法确定在哪一个中激活。（引擎原因：${detail}）`);
    expect(unknown).toBe('流程引擎拒绝了此次修改。（引擎原因：Something new）');
  });
});

describe('the elements a modification may activate', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="main" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:userTask id="check" name="现场检查" />
    <bpmn:boundaryEvent id="late" attachedToRef="check"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="wait" />
    <bpmn:eventBasedGateway id="wait" name="等待" />
    <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="reply" />
    <bpmn:intermediateCatchEvent id="reply" name="收到回复"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
    <bpmn:subProcess id="fix" name="整改">
      <bpmn:startEvent id="fix-start" />
      <bpmn:serviceTask id="notify" name="通知" />
    </bpmn:subProcess>
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
  <bpmn:process id="other" isExecutable="true"><bpmn:userTask id="elsewhere" /></bpmn:process>
</bpmn:definitions>`;

  it('lists tasks, gateways, sub-processes with their content and end events of the instance\'s process only', async () => {
    // when
    const elements = await activatableElements(xml, 'main');
    // then
    expect(elements).toEqual([
      { id: 'check', name: '现场检查', path: [] },
      { id: 'wait', name: '等待', path: [] },
      { id: 'fix', name: '整改', path: [] },
      { id: 'notify', name: '通知', path: ['整改'] },
      { id: 'end', name: '结束', path: [] },
    ]);
  });
});
