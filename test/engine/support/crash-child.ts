/**
 * The engine in a child process for the crash test: `create` mode starts instances while streaming workers
 * complete jobs; `drain` mode only works until every instance is complete, then prints a summary of the log.
 * Acknowledged commands are printed as they resolve, so the parent knows what must survive a SIGKILL.
 */
import { EmbeddedEngine } from '../../../src/engine';
import { configureLogging } from '../../../src/logging';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
  <bpmn:process id="crash" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="a"><bpmn:extensionElements><zeebe:taskDefinition type="crash-a"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="b"><bpmn:extensionElements><zeebe:taskDefinition type="crash-b"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
    <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
    <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

async function main(): Promise<void> {
  configureLogging('silent', false);
  const [dataDir, mode] = process.argv.slice(2);
  const engine = await EmbeddedEngine.start({ dataDir, durability: 'full', clockControlled: false });
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  await engine.deploy([{ name: 'crash.bpmn', content: Buffer.from(PROCESS) }]);
  for (const type of ['crash-a', 'crash-b']) {
    engine.openJobStream({ type, worker: 'crash', timeout: 300 }, {
      push: (job) => {
        engine.completeJob(job.key, { [`${type}-by`]: process.pid }).then(() => say(`COMPLETED ${job.key}`), () => undefined);
        return true;
      },
    });
  }
  const db = engine.database();
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const summary = (): void => {
    const created = (db.prepare(`SELECT value FROM engine_records WHERE value_type = 'PROCESS_INSTANCE_CREATION'`).all() as { value: string }[])
      .map((r) => (JSON.parse(r.value) as { processInstanceKey: string }).processInstanceKey);
    const completedJobs = (db.prepare(`SELECT record_key AS k, COUNT(*) AS n FROM engine_records WHERE value_type = 'JOB' AND intent = 'COMPLETED' GROUP BY record_key`).all() as { k: string; n: number }[]);
    const completedInstances = (db.prepare(`SELECT record_key AS k FROM engine_records WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_COMPLETED' AND json_extract(value, '$.bpmnElementType') = 'PROCESS'`).all() as { k: string }[]).map((r) => r.k);
    say(`SUMMARY ${JSON.stringify({ created, completedJobs, completedInstances })}`);
  };
  if (mode === 'drain') {
    const done = (): boolean =>
      count(`SELECT COUNT(*) AS n FROM engine_records WHERE value_type = 'PROCESS_INSTANCE_CREATION'`) ===
      count(`SELECT COUNT(*) AS n FROM engine_records WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_COMPLETED' AND json_extract(value, '$.bpmnElementType') = 'PROCESS'`);
    const finish = async (): Promise<void> => {
      summary();
      await engine.close();
      process.exit(0);
    };
    if (done()) return finish();
    engine.onRecords(() => {
      if (done()) void finish();
    });
    return;
  }
  say('READY');
  for (;;) {
    const created = await engine.createProcessInstance({ bpmnProcessId: 'crash', variables: { n: 1 } });
    say(`CREATED ${created.processInstanceKey}`);
  }
}

void main();
