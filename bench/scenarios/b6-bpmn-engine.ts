// B6: the alternative a Node user would pick, `bpmn-engine` (in memory, nothing durable), against our embedded engine
// (durability `full` and `normal`) on the same start → 3 service tasks → end process, in this same process, each
// with a closed loop of instances in flight for the same time; printed as our rate / bpmn-engine's rate.
// Each bpmn-engine instance is a new Engine on the diagram's source, as its README runs a process, so its figure
// includes parsing the XML per instance (ours parses once, at deployment).
import { Engine as BpmnEngine } from 'bpmn-engine';
import { completingStreams, straightThrough, tempEngine } from '../support/engine';
import { InstanceLoad } from '../support/load';
import { nowMs, round } from '../support/stats';
import type { Scenario } from '../types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The same diagram, with each service task calling a service function as bpmn-engine expects.
const bpmnEngineSource = straightThrough('b6', 3, 'b6').replace(/<bpmn:serviceTask id="(task-\d)">.*?<\/bpmn:serviceTask>/g,
  '<bpmn:serviceTask id="$1" implementation="${environment.services.work}"/>');

async function bpmnEngineRate(seconds: number, window = 64): Promise<number> {
  const services = { work: (_scope: unknown, callback: (err: Error | null) => void) => callback(null) };
  let completed = 0;
  let inFlight = 0;
  const runOne = async () => {
    const engine = new BpmnEngine({ name: 'b6', source: bpmnEngineSource });
    const ended = new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve());
      engine.once('error', reject);
    });
    await engine.execute({ services });
    await ended;
    completed += 1;
  };
  const t0 = nowMs();
  const end = t0 + seconds * 1000;
  while (nowMs() < end) {
    while (inFlight < window) {
      inFlight += 1;
      void runOne().finally(() => { inFlight -= 1; });
    }
    await sleep(1);
  }
  const rate = completed / ((nowMs() - t0) / 1000);
  while (inFlight > 0) await sleep(5);
  return rate;
}

async function ourRate(durability: 'full' | 'normal', seconds: number): Promise<number> {
  const { engine, dispose } = await tempEngine(durability);
  try {
    await engine.deploy([{ name: 'b6.bpmn', content: Buffer.from(straightThrough('b6', 3, 'b6')) }]);
    const close = completingStreams(engine, ['b6-1', 'b6-2', 'b6-3']);
    const load = new InstanceLoad(engine, 'b6');
    const rate = await load.saturate(seconds);
    load.close();
    close();
    return rate;
  } finally {
    await dispose();
  }
}

export const b6: Scenario = {
  name: 'B6',
  title: 'side by side with bpmn-engine (npm) on start → 3 service tasks → end',
  async run({ seconds }) {
    const theirs = await bpmnEngineRate(seconds);
    const full = await ourRate('full', seconds);
    const normal = await ourRate('normal', seconds);
    return {
      bpmnEngineInstancesPerSecond: round(theirs, 1),
      oursFullInstancesPerSecond: round(full, 1),
      oursNormalInstancesPerSecond: round(normal, 1),
      ratioFull: round(full / theirs, 2),
      ratioNormal: round(normal / theirs, 2),
      note: 'bpmn-engine keeps its state in memory only and parses the source per instance; ours writes every step to its log (full: fsync per batch)',
    };
  },
};
