/** A one-task process whose service task mails the 抄送 offices (three recipients with mailboxes in the demo data). */
export const NOTIFY_PROCESS_ID = 'fault-notify';

export function notifyProcess(processId = NOTIFY_PROCESS_ID, template = 'coverage-warning', to = 'copy-offices'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="yc-notify" retries="3"/>
      <zeebe:taskHeaders><zeebe:header key="template" value="${template}"/><zeebe:header key="to" value="${to}"/></zeebe:taskHeaders>
    </bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify"/><bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
}
