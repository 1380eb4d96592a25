import { type FakeCamunda } from './fake-camunda';
import { UNIT_A } from './harness';

/** A Camunda Form with the rules the server must enforce. */
export const REPORT_FORM = {
  id: 'rectification-report',
  type: 'default',
  components: [
    { type: 'textarea', key: 'report', label: '整改情况', validate: { required: true, minLength: 10, maxLength: 500 } },
    { type: 'number', key: 'fixedCount', label: '已整改问题数', validate: { required: true, min: 0, max: 100 } },
    { type: 'textfield', key: 'contactPhone', label: '联系电话', validate: { pattern: '^1[3-9]\\d{9}$' } },
    { type: 'select', key: 'result', label: '结论', values: [{ label: '已完成', value: 'done' }, { label: '部分完成', value: 'partial' }] },
    { type: 'textfield', key: 'reason', label: '未完成原因', conditional: { hide: '=result != "partial"' }, validate: { required: true } },
  ],
};

/** One task per audience: a unit's, another unit's, the office's, a department's, the team leaders'. */
export function seedTasks(camunda: FakeCamunda, departmentCode: string): Record<string, string> {
  const base = { state: 'CREATED', processDefinitionId: 'inspection', processName: '巡查', processInstanceKey: '2251799813685001', creationDate: '2026-11-20T09:00:00+08:00', priority: 50 };
  camunda.tasks.push(
    { ...base, userTaskKey: '1001', name: '报送整改情况', candidateGroups: ['unit', `unit:${UNIT_A}`], dueDate: '2026-11-27T23:59:59+08:00', priority: 80 },
    { ...base, userTaskKey: '1002', name: '报送整改情况（吴林）', candidateGroups: ['unit', 'unit:370404002'], dueDate: '2026-12-30T23:59:59+08:00' },
    { ...base, userTaskKey: '1003', name: '审核巡查方案', candidateGroups: ['office'], dueDate: '2026-11-29T23:59:59+08:00' },
    { ...base, userTaskKey: '1004', name: '办理移交问题', candidateGroups: ['department', `department:${departmentCode}`] },
    { ...base, userTaskKey: '1005', name: '起草巡查报告', candidateGroups: ['team-leader'] },
  );
  camunda.forms.set('1001', JSON.stringify(REPORT_FORM));
  camunda.taskVariables.set('1001', { inspectionId: 'INS-2026-001', unitCode: UNIT_A, unitName: '坛山街道', report: '' });
  camunda.instances.push({ processInstanceKey: '2251799813685001', processDefinitionId: 'inspection', processDefinitionKey: '3001', processDefinitionName: '巡查', processDefinitionVersion: 1, state: 'ACTIVE', hasIncident: true, startDate: '2026-11-01T09:00:00+08:00', variables: { unitCode: UNIT_A, inspectionId: 'INS-2026-001' } });
  camunda.incidents.push({ incidentKey: '7001', processInstanceKey: '2251799813685001', errorType: 'JOB_NO_RETRIES', errorMessage: 'SMTP 连接失败', elementId: 'notify', jobKey: '8001', state: 'ACTIVE' });
  camunda.elements.set('2251799813685001', [
    { elementInstanceKey: '5001', elementId: 'start', elementName: '开始', state: 'COMPLETED', type: 'START_EVENT' },
    { elementInstanceKey: '5002', elementId: 'report', elementName: '报送整改情况', state: 'ACTIVE', type: 'USER_TASK' },
  ]);
  camunda.definitions.push({ processDefinitionKey: '3001', processDefinitionId: 'inspection', version: 1, name: '巡查', resourceName: 'inspection.bpmn', xml: MINIMAL_BPMN('inspection', '巡查') });
  return { unitA: '1001', unitB: '1002', office: '1003', department: '1004', teamLeader: '1005' };
}

export const MINIMAL_BPMN = (id: string, name: string, taskName = '报送整改情况') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="report" name="${taskName}">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="rectification-report" /><zeebe:assignmentDefinition candidateGroups="unit" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="report" />
    <bpmn:sequenceFlow id="f2" sourceRef="report" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="${id}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="82" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="report_di" bpmnElement="report"><dc:Bounds x="240" y="60" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="82" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="100" /><di:waypoint x="240" y="100" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="100" /><di:waypoint x="392" y="100" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
