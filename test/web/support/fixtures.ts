/** Purpose-built diagrams and a form for the route tests, deployed to the real embedded engine. */

/** A Camunda Form with the rules the server must enforce. */
export const REPORT_FORM = {
  id: 'rectification-report',
  type: 'default',
  executionPlatform: 'Camunda Cloud',
  executionPlatformVersion: '8.8.0',
  schemaVersion: 19,
  components: [
    { type: 'textarea', key: 'report', label: '整改情况', validate: { required: true, minLength: 10, maxLength: 500 } },
    { type: 'number', key: 'fixedCount', label: '已整改问题数', validate: { required: true, min: 0, max: 100 } },
    { type: 'textfield', key: 'contactPhone', label: '联系电话', validate: { pattern: '^1[3-9]\\d{9}$' } },
    { type: 'select', key: 'result', label: '结论', values: [{ label: '已完成', value: 'done' }, { label: '部分完成', value: 'partial' }] },
    { type: 'textfield', key: 'reason', label: '未完成原因', conditional: { hide: '=result != "partial"' }, validate: { required: true } },
  ],
};

/** A form whose required field is hidden by a read-only value the process sets (a complaint check needs its result). */
export const CHECK_FORM = {
  id: 'complaint-check',
  type: 'default',
  executionPlatform: 'Camunda Cloud',
  executionPlatformVersion: '8.8.0',
  schemaVersion: 19,
  components: [
    { type: 'textfield', key: 'source', label: '线索来源', readonly: true },
    { type: 'textarea', key: 'verification', label: '核查结果', conditional: { hide: '=source != "complaint"' }, validate: { required: true } },
    { type: 'textarea', key: 'note', label: '备注' },
  ],
};

export interface TaskDiagram {
  id: string;
  name: string;
  taskName?: string;
  /** Static candidate groups, comma-separated as in the modeler. */
  candidateGroups?: string;
  dueDate?: string;
  priority?: number;
  /** Linked Camunda Form id; none when null. */
  formId?: string | null;
  /** Job type of a service task 'notify' on a second branch from the start event (no worker serves it). */
  notifyJobType?: string;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** start → user task 'report' → end, optionally with start → service task 'notify' → end in parallel. */
export function taskDiagram(d: TaskDiagram): string {
  const formId = d.formId === undefined ? 'rectification-report' : d.formId;
  const ext = [
    '<zeebe:userTask />',
    formId ? `<zeebe:formDefinition formId="${formId}" />` : '',
    `<zeebe:assignmentDefinition candidateGroups="${attr(d.candidateGroups ?? 'unit')}" />`,
    d.dueDate ? `<zeebe:taskSchedule dueDate="${d.dueDate}" />` : '',
    d.priority !== undefined ? `<zeebe:priorityDefinition priority="${d.priority}" />` : '',
  ].filter(Boolean).join('');
  const notify = d.notifyJobType
    ? `<bpmn:serviceTask id="notify" name="发送通知"><bpmn:extensionElements><zeebe:taskDefinition type="${d.notifyJobType}" /></bpmn:extensionElements><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="end2" name="通知结束"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="start" targetRef="notify" />
    <bpmn:sequenceFlow id="f4" sourceRef="notify" targetRef="end2" />`
    : '';
  const notifyDi = d.notifyJobType
    ? `<bpmndi:BPMNShape id="notify_di" bpmnElement="notify"><dc:Bounds x="240" y="180" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end2_di" bpmnElement="end2"><dc:Bounds x="392" y="202" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="170" y="118" /><di:waypoint x="170" y="220" /><di:waypoint x="240" y="220" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f4_di" bpmnElement="f4"><di:waypoint x="340" y="220" /><di:waypoint x="392" y="220" /></bpmndi:BPMNEdge>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${d.id}" name="${attr(d.name)}" isExecutable="true">
    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing>${d.notifyJobType ? '<bpmn:outgoing>f3</bpmn:outgoing>' : ''}</bpmn:startEvent>
    <bpmn:userTask id="report" name="${attr(d.taskName ?? '报送整改情况')}">
      <bpmn:extensionElements>${ext}</bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="report" />
    <bpmn:sequenceFlow id="f2" sourceRef="report" targetRef="end" />
    ${notify}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="${d.id}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="82" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="report_di" bpmnElement="report"><dc:Bounds x="240" y="60" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="82" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="100" /><di:waypoint x="240" y="100" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="100" /><di:waypoint x="392" y="100" /></bpmndi:BPMNEdge>
    ${notifyDi}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

/** The smallest clean diagram: one unit task with the report form. */
export const MINIMAL_BPMN = (id: string, name: string, taskName = '报送整改情况') => taskDiagram({ id, name, taskName });

/** start → wait for message `messageName` correlated by the variable `correlationVariable` → end. */
export function messageWaitDiagram(id: string, messageName: string, correlationVariable: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="msg" name="${attr(messageName)}"><bpmn:extensionElements><zeebe:subscription correlationKey="=${correlationVariable}" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="${id}" name="等待情况报告" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="wait" name="收到报告"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** A process that waits twice in a row for the same message (a report, then the next one), correlated by a variable. */
export function twoReportsDiagram(id: string, messageName: string, correlationVariable: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="msg" name="${attr(messageName)}"><bpmn:extensionElements><zeebe:subscription correlationKey="=${correlationVariable}" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="${id}" name="等待两次报告" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:receiveTask id="first" name="收到第一次报告" messageRef="msg"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:receiveTask id="second" name="收到第二次报告" messageRef="msg"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
    <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
    <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}
