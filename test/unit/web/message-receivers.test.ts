import { messageReceivers } from '../../../src/web/events/receivers';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';
const message = (id: string, name: string, key: string) =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${key}" /></bpmn:extensionElements></bpmn:message>`;
const catchOn = (ref: string) => `<bpmn:messageEventDefinition messageRef="${ref}" />`;

/** One process with every kind of place a message can be received. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="d" targetNamespace="t">
  ${message('m-report', 'report', '=inspectionId')}
  ${message('m-progress', 'progress', '=hazardId')}
  ${message('m-complaint', 'complaint', '=inspectionId')}
  ${message('m-start', 'announced', '=cityKey')}
  ${message('m-odd', 'odd', '=string(year) + "-" + unit')}
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:startEvent id="by-message">${catchOn('m-start')}</bpmn:startEvent>
    <bpmn:receiveTask id="await-report" messageRef="m-report" />
    <bpmn:userTask id="review" />
    <bpmn:boundaryEvent id="progress-during-review" attachedToRef="review" cancelActivity="false">${catchOn('m-progress')}</bpmn:boundaryEvent>
    <bpmn:eventBasedGateway id="choice" />
    <bpmn:intermediateCatchEvent id="report-after-choice">${catchOn('m-report')}</bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="choice" targetRef="report-after-choice" />
    <bpmn:subProcess id="phase">
      <bpmn:subProcess id="phase-events" triggeredByEvent="true">
        <bpmn:startEvent id="progress-in-phase" isInterrupting="false">${catchOn('m-progress')}</bpmn:startEvent>
      </bpmn:subProcess>
      <bpmn:intermediateCatchEvent id="odd-wait">${catchOn('m-odd')}</bpmn:intermediateCatchEvent>
    </bpmn:subProcess>
    <bpmn:subProcess id="complaints" triggeredByEvent="true">
      <bpmn:startEvent id="complaint-any-time" isInterrupting="false">${catchOn('m-complaint')}</bpmn:startEvent>
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('where a deployed process can receive a message', () => {
  it('finds receive tasks and catch events, putting the event-based gateway in front of its events', async () => {
    await expect(messageReceivers(XML, 'p', 'report')).resolves.toEqual({
      waitingIn: ['await-report', 'choice'], wholeProcess: false, starts: false, correlationVariable: 'inspectionId',
    });
  });

  it('finds the activity a boundary event is attached to and the scope of a nested event sub-process', async () => {
    await expect(messageReceivers(XML, 'p', 'progress')).resolves.toEqual({
      waitingIn: ['review', 'phase'], wholeProcess: false, starts: false, correlationVariable: 'hazardId',
    });
  });

  it('marks a process-level event sub-process as receiving in every running instance', async () => {
    await expect(messageReceivers(XML, 'p', 'complaint')).resolves.toMatchObject({ waitingIn: [], wholeProcess: true, starts: false });
  });

  it('marks a message start event as starting an instance', async () => {
    await expect(messageReceivers(XML, 'p', 'announced')).resolves.toMatchObject({ waitingIn: [], starts: true, correlationVariable: 'cityKey' });
  });

  it('leaves the correlation variable open when the key is an expression', async () => {
    await expect(messageReceivers(XML, 'p', 'odd')).resolves.toEqual({ waitingIn: ['odd-wait'], wholeProcess: false, starts: false, correlationVariable: undefined });
  });

  it('finds nothing for a message the process does not know, or for another process of the file', async () => {
    await expect(messageReceivers(XML, 'p', 'unknown')).resolves.toEqual({ waitingIn: [], wholeProcess: false, starts: false });
    await expect(messageReceivers(XML, 'other', 'report')).resolves.toMatchObject({ waitingIn: [], wholeProcess: false, starts: false });
  });
});
