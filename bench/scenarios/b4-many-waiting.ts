// B4: 100k instances waiting at a user task and 10k waiting at timers: how much the straight-through rate drops
// against an empty engine, and the p99 of user-task searches through REST /v2 while they wait.
import { readModels, startGateways } from '../../src/engine/gateway';
import type { Engine } from '../../src/engine';
import { completingStreams, straightThrough, tempEngine } from '../support/engine';
import { InstanceLoad } from '../support/load';
import { nowMs, percentiles, round } from '../support/stats';
import type { Scenario } from '../types';

const definitions = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const waitingAtTask = definitions(
  'b4-task',
  `<bpmn:startEvent id="s"/><bpmn:userTask id="review" name="审核"><bpmn:extensionElements><zeebe:userTask/>` +
    `<zeebe:assignmentDefinition candidateGroups="=group"/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e"/>` +
    `<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>`,
);

const waitingAtTimer = definitions(
  'b4-timer',
  `<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration>` +
    `</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>` +
    `<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>`,
);

/** Creates `count` instances, at most `window` in flight. */
async function fill(engine: Engine, bpmnProcessId: string, count: number, variables: (i: number) => Record<string, unknown>) {
  const window = 256;
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await engine.createProcessInstance({ bpmnProcessId, variables: variables(i) });
    }
  };
  await Promise.all(Array.from({ length: window }, lane));
}

export const b4: Scenario = {
  name: 'B4',
  title: '100k waiting user-task instances + 10k timers: throughput drop and user-task search p99',
  async run({ seconds, scale }) {
    const { engine, dispose } = await tempEngine('full', { projections: [readModels()] });
    const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    try {
      await engine.deploy([
        { name: 'b4.bpmn', content: Buffer.from(straightThrough('b4', 3, 'b4')) },
        { name: 'b4-task.bpmn', content: Buffer.from(waitingAtTask) },
        { name: 'b4-timer.bpmn', content: Buffer.from(waitingAtTimer) },
      ]);
      const closeStreams = completingStreams(engine, ['b4-1', 'b4-2', 'b4-3']);
      const load = new InstanceLoad(engine, 'b4');
      const emptyRate = await load.saturate(seconds);

      const tasks = Math.round(100_000 * scale);
      const timers = Math.round(10_000 * scale);
      const t0 = nowMs();
      await fill(engine, 'b4-task', tasks, (i) => ({ group: `unit:${370404100 + (i % 7)}` }));
      await fill(engine, 'b4-timer', timers, () => ({}));
      const fillSeconds = (nowMs() - t0) / 1000;

      const loadedRate = await load.saturate(seconds);
      load.close();
      closeStreams();

      const searchMs: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const started = nowMs();
        const res = await fetch(`http://127.0.0.1:${gateways.restPort}/v2/user-tasks/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            filter: { state: 'CREATED', candidateGroup: `unit:${370404100 + (i % 7)}` },
            sort: [{ field: 'creationDate', order: 'DESC' }],
            page: { from: (i % 10) * 50, limit: 50 },
          }),
        });
        if (!res.ok) throw new Error(`user-task search answered ${res.status}: ${await res.text()}`);
        await res.json();
        searchMs.push(nowMs() - started);
      }
      return {
        waitingUserTasks: tasks,
        waitingTimers: timers,
        fillInstancesPerSecond: round((tasks + timers) / fillSeconds, 1),
        emptyInstancesPerSecond: round(emptyRate, 1),
        loadedInstancesPerSecond: round(loadedRate, 1),
        throughputDropPercent: round((1 - loadedRate / emptyRate) * 100, 1),
        dropTargetPercent: 10,
        userTaskSearchMs: percentiles(searchMs),
        searchP99TargetMs: 50,
      };
    } finally {
      await gateways.close();
      await dispose();
    }
  },
};
