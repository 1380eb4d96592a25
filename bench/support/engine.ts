import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedEngine, type Engine, type EngineOptions, type EngineRecord } from '../../src/engine';

/** A fresh engine in a temporary folder, removed again by `dispose`. */
export async function tempEngine(durability: EngineOptions['durability'], extra: Partial<EngineOptions> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yc-bench-'));
  const engine = await EmbeddedEngine.start({ dataDir, durability, clockControlled: false, ...extra });
  return {
    engine,
    dataDir,
    dispose: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** BPMN of `start → n service tasks (types <prefix>-1 … <prefix>-n) → end`. */
export function straightThrough(processId: string, tasks: number, typePrefix = 'bench'): string {
  const ids = Array.from({ length: tasks }, (_, i) => `task-${i + 1}`);
  const nodes = ['start', ...ids, 'end'];
  const flows = nodes.slice(1).map((target, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${nodes[i]}" targetRef="${target}"/>`);
  const taskXml = ids.map(
    (id, i) =>
      `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${typePrefix}-${i + 1}"/></bpmn:extensionElements></bpmn:serviceTask>`,
  );
  return processXml(processId, `<bpmn:startEvent id="start"/>${taskXml.join('')}<bpmn:endEvent id="end"/>${flows.join('')}`);
}

/** A BPMN file with one executable process `processId` whose elements are `body`. */
export function processXml(processId: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** Calls `onDone(processInstanceKey, timestamp)` whenever a root process instance completes. */
export function onInstanceCompleted(engine: Engine, onDone: (key: string) => void): () => void {
  return engine.onRecords((records: readonly EngineRecord[]) => {
    for (const r of records) {
      if (r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED' && r.value.bpmnElementType === 'PROCESS') {
        onDone(r.key);
      }
    }
  });
}

/** Opens one in-process job stream per type that completes every job it is pushed. */
export function completingStreams(engine: Engine, types: string[]): () => void {
  const closers = types.map((type) =>
    engine.openJobStream(
      { type, worker: 'bench', timeout: 60_000 },
      {
        push: (job) => {
          void engine.completeJob(job.key, {});
          return true;
        },
      },
    ),
  );
  return () => closers.forEach((close) => close());
}
