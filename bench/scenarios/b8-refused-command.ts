// B8: the cost of a command refused after it wrote events (its batch is undone in memory), with a short log and
// with a long one: the same refused modification timed on an engine holding ~2k records and on one holding
// ~200k × scale records; the ratio shows whether the cost grows with the history (it used to replay the whole log).
import type { Engine } from '../../src/engine';
import { processXml, tempEngine } from '../support/engine';
import { median, nowMs, round } from '../support/stats';
import type { Scenario } from '../types';

// A waiting task, and a sub-process whose message boundary event has a correlation key that cannot be evaluated:
// activating `inner` by modification creates `sp`, writes its events, fails to subscribe and is refused.
const XML = processXml('b8', `<bpmn:startEvent id="start"/>
  <bpmn:serviceTask id="wait"><bpmn:extensionElements><zeebe:taskDefinition type="b8-wait"/></bpmn:extensionElements></bpmn:serviceTask>
  <bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
  <bpmn:subProcess id="sp"><bpmn:startEvent id="sp-start"/>
    <bpmn:serviceTask id="inner"><bpmn:extensionElements><zeebe:taskDefinition type="b8-inner"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="sp-start" targetRef="inner"/></bpmn:subProcess>
  <bpmn:boundaryEvent id="cancel" attachedToRef="sp"><bpmn:messageEventDefinition messageRef="m"/></bpmn:boundaryEvent>`)
  .replace('</bpmn:definitions>', `<bpmn:message id="m" name="b8-cancel"><bpmn:extensionElements>
    <zeebe:subscription correlationKey="=unknown.key"/></bpmn:extensionElements></bpmn:message></bpmn:definitions>`);

/** Creates instances until the log holds about `records` records (each instance writes about 10). */
async function fill(engine: Engine, records: number): Promise<void> {
  const instances = Math.ceil(records / 10);
  for (let done = 0; done < instances; done += 500) {
    await Promise.all(Array.from({ length: Math.min(500, instances - done) }, () => engine.createProcessInstance({ bpmnProcessId: 'b8' })));
  }
}

/** Median time (ms) of `rounds` refused modifications, each on the same waiting instance. */
async function refusedCost(records: number, rounds: number): Promise<{ ms: number; logRecords: number; writtenRecords: number }> {
  const { engine, dispose } = await tempEngine('normal');
  try {
    await engine.deploy([{ name: 'b8.bpmn', content: Buffer.from(XML) }]);
    await fill(engine, records);
    const { processInstanceKey } = await engine.createProcessInstance({ bpmnProcessId: 'b8' });
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = nowMs();
      const refused = await engine.modifyProcessInstance(processInstanceKey, { activateInstructions: [{ elementId: 'inner' }] }).then(() => false, () => true);
      samples.push(nowMs() - t0);
      if (!refused) throw new Error('B8 expected the modification to be refused');
    }
    const db = engine.database();
    const logRecords = (db.prepare('SELECT COUNT(*) AS n FROM engine_records').get() as { n: number }).n;
    // the log is compacted below each periodic snapshot: what was written is the last position, not the rows kept
    const last = (db.prepare('SELECT MAX(position) AS p FROM engine_records').get() as { p: number | null }).p ?? 0;
    const compacted = Number((db.prepare(`SELECT value FROM engine_meta WHERE name = 'compacted_through'`).get() as { value?: string } | undefined)?.value ?? 0);
    return { ms: median(samples), logRecords, writtenRecords: Math.max(last, compacted) };
  } finally {
    await dispose();
  }
}

export const b8: Scenario = {
  name: 'B8',
  title: 'a command refused after writing events, with a short and a long log',
  async run({ scale }) {
    const small = await refusedCost(2_000, 30);
    const large = await refusedCost(Math.round(200_000 * scale), 30);
    return {
      smallLogRecords: small.logRecords,
      largeLogWrittenRecords: large.writtenRecords,
      largeLogKeptRecords: large.logRecords,
      refusedMsSmallLog: round(small.ms, 2),
      refusedMsLargeLog: round(large.ms, 2),
      ratioLargeToSmall: round(large.ms / small.ms, 2),
      note: 'median of 30 refused modifications; a ratio near 1 means the refusal costs the same however long the history',
    };
  },
};
