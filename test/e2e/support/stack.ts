import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { openStore, type Store } from '../../../src/db/connect';
import { seedDemoData } from '../../../src/db/seed';
import { createEngine, type Engine } from '../../../src/engine';
import { readModels, startGateways, type Gateways } from '../../../src/gateway';
import { type CamundaPort } from '../../../src/web/camunda/port';
import { camundaFromConfig, type RunningWeb, startWeb } from '../../../src/web/server';

/** The rectification-report form (form-js JSON) the test process links to. */
export const REPORT_FORM = {
  id: 'e2e-report',
  type: 'default',
  executionPlatform: 'Camunda Cloud',
  executionPlatformVersion: '8.8.0',
  schemaVersion: 19,
  components: [
    { type: 'textarea', key: 'report', id: 'report', label: '整改情况', validate: { required: true, minLength: 10 } },
    { type: 'number', key: 'fixedCount', id: 'fixedCount', label: '已整改问题数', validate: { required: true, min: 0, max: 100 } },
  ],
};

/** start → user task (unit-scoped candidate groups, linked form) → service task (no worker: stays active) → end. */
export const REPORT_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="e2e-rectification" name="整改报送（测试）" isExecutable="true">
    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="report" name="报送整改情况">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:formDefinition formId="e2e-report" />
        <zeebe:assignmentDefinition candidateGroups="=[&#34;unit&#34;, &#34;unit:&#34; + unitCode]" />
        <zeebe:taskSchedule dueDate="=dueDate" />
        <zeebe:priorityDefinition priority="80" />
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:serviceTask id="review" name="审核整改情况">
      <bpmn:extensionElements><zeebe:taskDefinition type="e2e-review" /></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="report" />
    <bpmn:sequenceFlow id="f2" sourceRef="report" targetRef="review" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="e2e-rectification">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="82" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="report_di" bpmnElement="report"><dc:Bounds x="240" y="60" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="400" y="60" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="562" y="82" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="100" /><di:waypoint x="240" y="100" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="100" /><di:waypoint x="400" y="100" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="500" y="100" /><di:waypoint x="562" y="100" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

export interface Stack {
  engine: Engine;
  gateways: Gateways;
  store: Store;
  camunda: CamundaPort;
  web: RunningWeb;
  close(): Promise<void>;
}

/** The whole system in this process: embedded engine (memory) + gateways + domain store + web app, on free ports. */
export async function startStack(): Promise<Stack> {
  const engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, clockControlled: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-data-'));
  const config = loadConfig({
    ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`,
    CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${gateways.managementPort}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    DATA_DIR: dataDir,
  });
  const store = await openStore({ databaseUrl: 'sqlite::memory:' });
  await seedDemoData(store.db);
  const camunda = camundaFromConfig(config);
  const web = await startWeb({ config, db: store.db, host: '127.0.0.1', port: 0, camunda, assetsDir: join(dataDir, 'assets') });
  return {
    engine, gateways, store, camunda, web,
    close: async () => {
      await web.close();
      await gateways.close();
      await engine.close();
      await store.close();
    },
  };
}

export { eventually } from '../../support/eventually';
