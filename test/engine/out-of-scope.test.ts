import { EngineHarness } from './support/harness';
import { chain, definitions, end, process, resource, serviceTask, start } from './fixtures/xml';

/** A process whose middle element is `element` (id `x`). */
const around = (element: string, extra = ''): [string, string] =>
  resource('p.bpmn', definitions(process('p', `${start()}${element}${end()}${chain('start', 'x', 'end')}${extra}`)));

describe('out-of-scope features are rejected at deployment', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.start();
  });
  afterAll(() => h.close());

  it.each([
    ['end execution listeners', serviceTask('x', 'x', '<zeebe:executionListeners><zeebe:executionListener eventType="end" type="l"/></zeebe:executionListeners>'), '', "Execution listeners of event type 'end' are not supported yet"],
    ['task listeners', '<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:userTask/><zeebe:taskListeners><zeebe:taskListener eventType="creating" type="l"/></zeebe:taskListeners></bpmn:extensionElements></bpmn:userTask>', '', 'Task listeners are not supported'],
    ['ad-hoc sub-processes', '<bpmn:adHocSubProcess id="x"><bpmn:task id="inside"/></bpmn:adHocSubProcess>', '', 'ad-hoc sub-processes are not supported'],
    ['transactions', '<bpmn:transaction id="x"/>', '', 'transactions are not supported'],
    ['compensation activities', '<bpmn:task id="x"/><bpmn:task id="undo" isForCompensation="true"/>', '', 'Compensation is not supported'],
    ['compensation boundary events', '<bpmn:task id="x"/>', '<bpmn:boundaryEvent id="comp" attachedToRef="x"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>', "Event definitions of type 'COMPENSATION' are not supported yet"],
    ['conditional events', '<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=a</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>', '', "Event definitions of type 'CONDITIONAL' are not supported yet"],
    ['job priorities', serviceTask('x', 'x', '<zeebe:jobPriorityDefinition priority="10"/>'), '', 'Job priorities are not supported'],
    ['business ids of called processes', '<bpmn:callActivity id="x"><bpmn:extensionElements><zeebe:calledElement processId="c" businessId="=id"/></bpmn:extensionElements></bpmn:callActivity>', '', 'Business ids of called processes are not supported'],
    ['standard loops', '<bpmn:task id="x"><bpmn:standardLoopCharacteristics/></bpmn:task>', '', 'Standard loops are not supported'],
  ])('%s', async (_name, element, extra, message) => {
    // when
    const result = h.deploy(around(element, extra));
    // then
    await expect(result).rejects.toThrow(message);
  });
});
