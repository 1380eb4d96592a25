// One engine of B4 in its own process (started by b4-many-waiting.ts): durability full in its own temp folder, the
// straight-through process with in-process streaming workers, and the REST gateway for user-task searches. The parent
// asks it to fill waiting instances and to run load windows, one engine at a time.
import { readModels, startGateways } from '../../src/gateway';
import type { Engine } from '../../src/engine';
import { configureLogging } from '../../src/logging';
import { serveParent } from '../support/child-process';
import { completingStreams, processXml, straightThrough, tempEngine } from '../support/engine';
import { InstanceLoad } from '../support/load';
import { nowMs } from '../support/stats';

const waitingAtTask = processXml(
  'b4-task',
  `<bpmn:startEvent id="s"/><bpmn:userTask id="review" name="审核"><bpmn:extensionElements><zeebe:userTask/>` +
    `<zeebe:assignmentDefinition candidateGroups="=group"/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e"/>` +
    `<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>`,
);

const waitingAtTimer = processXml(
  'b4-timer',
  `<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration>` +
    `</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>` +
    `<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>`,
);

/** Creates `count` instances, at most 256 in flight. */
async function fill(engine: Engine, bpmnProcessId: string, count: number, variables: (i: number) => Record<string, unknown>) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await engine.createProcessInstance({ bpmnProcessId, variables: variables(i) });
    }
  };
  await Promise.all(Array.from({ length: 256 }, lane));
}

const nonNegative = (n: unknown, name: string): number => {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
  return n;
};

async function main() {
  configureLogging('warn', false);
  const { engine, dispose } = await tempEngine('full', { projections: [readModels()] });
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
  await engine.deploy([
    { name: 'b4.bpmn', content: Buffer.from(straightThrough('b4', 3, 'b4')) },
    { name: 'b4-task.bpmn', content: Buffer.from(waitingAtTask) },
    { name: 'b4-timer.bpmn', content: Buffer.from(waitingAtTimer) },
  ]);
  const closeStreams = completingStreams(engine, ['b4-1', 'b4-2', 'b4-3']);
  const load = new InstanceLoad(engine, 'b4');
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      load.close();
      closeStreams();
      await gateways.close();
      await dispose();
    })());
  serveParent({ restPort: gateways.restPort }, {
    /** Fills user-task and timer instances; answers the seconds it took. */
    fill: async (args: { tasks: number; timers: number }) => {
      const t0 = nowMs();
      await fill(engine, 'b4-task', nonNegative(args.tasks, 'tasks'), (i) => ({ group: `unit:${370404100 + (i % 7)}` }));
      await fill(engine, 'b4-timer', nonNegative(args.timers, 'timers'), () => ({}));
      return (nowMs() - t0) / 1000;
    },
    /**
     * One closed-loop load window: completed instances per second of the window, and the instances it started per
     * second of CPU this process used until they had drained (other load on the machine hardly moves the latter).
     */
    window: async (args: { seconds: number }) => {
      const before = load.completed;
      const cpu0 = process.cpuUsage();
      const rate = await load.saturate(nonNegative(args.seconds, 'seconds'));
      const cpu = process.cpuUsage(cpu0);
      return { rate, perCpuSecond: (load.completed - before) / ((cpu.user + cpu.system) / 1e6) };
    },
    close,
  }, close);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
