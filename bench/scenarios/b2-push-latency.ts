// B2: job push latency as a worker sees it: from the commit of the job's CREATED record in the engine to the call
// of an @camunda8/sdk streaming worker's handler, over the gRPC gateway on loopback.
import { Camunda8 } from '@camunda8/sdk';
import { readModels, startGateways } from '../../src/gateway';
import { fsyncProbe, underConditions } from '../support/conditions';
import { straightThrough, tempEngine } from '../support/engine';
import { nowMs, percentiles } from '../support/stats';
import type { Scenario } from '../types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const b2: Scenario = {
  name: 'B2',
  title: 'job push latency through StreamActivatedJobs (SDK streamJobs)',
  async run({ seconds }) {
    const { engine, dispose } = await tempEngine('full', { projections: [readModels()] });
    const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    const c8 = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`,
      ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'error',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'ERROR' },
    });
    const zbc = c8.getZeebeGrpcApiClient();
    try {
      await engine.deploy([{ name: 'b2.bpmn', content: Buffer.from(straightThrough('b2', 1, 'b2')) }]);
      const created = new Map<string, number>();
      const latencies: number[] = [];
      const open = new Set<string>();
      const stopListening = engine.onRecords((records) => {
        const t = nowMs();
        for (const r of records) {
          if (r.valueType !== 'JOB') continue;
          if (r.intent === 'CREATED') {
            created.set(r.key, t);
            open.add(r.key);
          } else if (r.intent === 'COMPLETED') open.delete(r.key);
        }
      });
      // One instance at a time, so each push is measured on an idle engine (latency, not queueing).
      const measure = async (samples: number[]) => {
        const end = nowMs() + seconds * 1000;
        while (nowMs() < end) {
          const before = samples.length;
          await engine.createProcessInstance({ bpmnProcessId: 'b2' });
          while (samples.length === before && nowMs() < end) await sleep(0);
        }
      };

      // First through an in-process stream, which leaves out gRPC and the SDK (closed before the SDK's stream
      // opens, so the two never share the jobs).
      const inProcess: number[] = [];
      const closeInProcess = engine.openJobStream(
        { type: 'b2-1', worker: 'b2-in-process', timeout: 30_000 },
        {
          push: (job) => {
            const t0 = created.get(job.key);
            if (t0 !== undefined) inProcess.push(nowMs() - t0);
            void engine.completeJob(job.key, {});
            return true;
          },
        },
      );
      await measure(inProcess);
      closeInProcess();

      const stream = await zbc.streamJobs({
        type: 'b2-1',
        worker: 'b2',
        timeout: 30_000,
        tenantIds: ['<default>'],
        taskHandler: async (job) => {
          const t0 = created.get(job.key);
          if (t0 !== undefined) latencies.push(nowMs() - t0);
          return job.complete();
        },
      });
      await sleep(500); // the stream is registered
      const { conditions } = await underConditions(() => measure(latencies));
      // the last jobs (created as the window ended) must be completed before the client closes
      for (const end = nowMs() + 5_000; open.size > 0 && nowMs() < end;) await sleep(10);
      stream.close();
      stopListening();
      return {
        jobsMeasured: latencies.length,
        pushLatencyMs: percentiles(latencies),
        inProcessPushLatencyMs: percentiles(inProcess),
        targetsMs: { p50: 1, p99: 5 },
        fsyncMs: fsyncProbe(),
        conditions,
      };
    } finally {
      await zbc.close();
      await gateways.close();
      await dispose();
    }
  },
};
