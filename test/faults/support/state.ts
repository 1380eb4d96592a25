// What "engine state unchanged" means in the bad-input tests: the same deployed definitions and instances, and no
// new records (a refused command writes none).
import { type EngineRecord } from '../../../src/engine';
import { type EmbeddedEngine, startEmbeddedEngine } from '../../support/embedded-engine';

export function stateProbe(env: EmbeddedEngine) {
  let events = 0;
  env.engine.onRecords((batch: readonly EngineRecord[]) => {
    events += batch.length;
  });
  const base = `http://127.0.0.1:${env.gateways.restPort}/v2`;
  const search = async (what: string) => {
    const res = await fetch(`${base}/${what}/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return (await res.json()) as unknown;
  };
  return {
    async snapshot() {
      return { events, definitions: await search('process-definitions'), instances: await search('process-instances'), health: env.engine.health().status };
    },
  };
}

/** The engine of a bad-input test: one deployed process (and, when asked, one running instance) and its probe. */
export async function fuzzTarget(options: { running?: boolean } = {}): Promise<{ env: EmbeddedEngine; probe: ReturnType<typeof stateProbe> }> {
  const env = await startEmbeddedEngine();
  const probe = stateProbe(env);
  await env.engine.deploy([{ name: 'fault-fuzz.bpmn', content: Buffer.from(PROCESS_XML) }]);
  if (options.running) await env.engine.createProcessInstance({ bpmnProcessId: 'fault-fuzz' });
  return { env, probe };
}

export const PROCESS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="fault-fuzz" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="fault-fuzz-work"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/><bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
