import fc from 'fast-check';
import { bpmn, type ProcessBuilder } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

/** Building blocks of random processes; each appends to the builder and names the job types it creates. */
type Block = 'service' | 'user' | 'timer' | 'message' | 'parallel' | 'xor' | 'sub' | 'errorBoundary' | 'timerBoundary' | 'mapping';
const BLOCKS: Block[] = ['service', 'user', 'timer', 'message', 'parallel', 'xor', 'sub', 'errorBoundary', 'timerBoundary', 'mapping'];

function append(b: ProcessBuilder, block: Block, i: number): ProcessBuilder {
  const id = `${block}${i}`;
  switch (block) {
    case 'service': return b.serviceTask(id, { type: 'work', retries: 2 });
    case 'user': return b.userTask(id, { candidateGroups: 'office' });
    case 'timer': return b.timerCatch(id, { duration: 'PT1M' });
    case 'message': return b.messageCatch(id, 'ping', '=key');
    case 'mapping': return b.task(id, { inputs: [['=n + 1', 'local']], outputs: [['=local * 2', 'n']] });
    case 'parallel':
      return b.parallelGateway(`${id}f`).serviceTask(`${id}a`, { type: 'work' }).parallelGateway(`${id}j`)
        .from(`${id}f`).serviceTask(`${id}b`, { type: 'work' }).to(`${id}j`);
    case 'xor':
      return b.exclusiveGateway(`${id}s`).condition('=n > 2').serviceTask(`${id}a`, { type: 'work' }).exclusiveGateway(`${id}m`)
        .from(`${id}s`).condition('=n <= 2').task(`${id}b`).to(`${id}m`);
    case 'sub':
      return b.subProcess(id, (sp) => sp.start(`${id}s`).serviceTask(`${id}t`, { type: 'work' }).end(`${id}e`));
    case 'errorBoundary':
      b.serviceTask(id, { type: 'work' }).task(`${id}next`);
      return b.boundary(`${id}b`, id, { error: 'E' }).to(`${id}next`).from(`${id}next`);
    case 'timerBoundary':
      b.serviceTask(id, { type: 'work' }).task(`${id}next`);
      return b.boundary(`${id}b`, id, { timer: { cycle: 'R2/PT30S' }, interrupting: false }).task(`${id}side`).from(`${id}next`);
  }
}

type Step =
  | { kind: 'create'; n: number }
  | { kind: 'complete' | 'fail' | 'throw' | 'completeTask' | 'resolve' | 'cancel'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'publish'; ttl: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constantFrom('complete' as const, 'fail' as const, 'throw' as const, 'completeTask' as const, 'resolve' as const, 'cancel' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 90_000 }) }),
  fc.record({ kind: fc.constant('publish' as const), ttl: fc.constantFrom(0, 60_000) }),
);

async function run(h: EngineHarness, s: Step): Promise<void> {
  const state = h.engine.stateSnapshot();
  const keysOf = (name: string): string[] => Object.keys(state[name] as object);
  const pickOf = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);
  const ignoreRejection = (e: { name?: string }): void => {
    if (e.name !== 'Rejection') throw e;
  };
  switch (s.kind) {
    case 'create':
      await h.engine.createProcessInstance({ bpmnProcessId: 'random', variables: { n: s.n, key: 'k' } });
      return;
    case 'complete':
    case 'fail':
    case 'throw': {
      const [job] = await h.activate('work', 1);
      if (!job) return;
      if (s.kind === 'complete') await h.engine.completeJob(job.key, { done: s.pick });
      if (s.kind === 'fail') await h.engine.failJob(job.key, { retries: s.pick % 2, retryBackOff: s.pick % 3 === 0 ? 10_000 : 0, errorMessage: 'x' });
      if (s.kind === 'throw') await h.engine.throwError(job.key, { errorCode: s.pick % 2 ? 'E' : 'OTHER' });
      return;
    }
    case 'completeTask': {
      const key = pickOf(keysOf('userTasks'), s.pick);
      if (key) await h.engine.completeUserTask(key, { answer: s.pick }).catch(ignoreRejection);
      return;
    }
    case 'resolve': {
      const key = pickOf(keysOf('incidents'), s.pick);
      if (!key) return;
      const incident = (state.incidents as Record<string, { value: { jobKey: string } }>)[key];
      if (incident.value.jobKey !== '-1') await h.engine.updateJobRetries(incident.value.jobKey, 1).catch(ignoreRejection);
      await h.engine.resolveIncident(key).catch(ignoreRejection);
      return;
    }
    case 'cancel': {
      const roots = Object.entries(state.elementInstances as Record<string, { type: string }>).filter(([, v]) => v.type === 'PROCESS').map(([k]) => k);
      const key = pickOf(roots, s.pick);
      if (key) await h.engine.cancelProcessInstance(key).catch(ignoreRejection);
      return;
    }
    case 'advance':
      h.advance(s.ms);
      // let due work run: a command queued after the clock change is processed after the due work
      await h.engine.setVariables({ elementInstanceKey: 'none', variables: {} }).catch(ignoreRejection);
      await h.engine.setVariables({ elementInstanceKey: 'none', variables: {} }).catch(ignoreRejection);
      return;
    case 'publish':
      await h.engine.publishMessage({ name: 'ping', correlationKey: 'k', timeToLive: s.ttl, variables: { pinged: true } });
      return;
  }
}

describe('replay property', () => {
  it('state rebuilt from the log equals the live state after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...BLOCKS), { minLength: 1, maxLength: 4 }), fc.array(step, { minLength: 1, maxLength: 25 }), async (blocks, steps) => {
        // given
        const h = await EngineHarness.start();
        try {
          const builder = blocks.reduce((b, block, i) => append(b, block, i), bpmn('random').start());
          await h.deploy(builder.end('finish'));
          for (const s of steps) {
            // when
            await run(h, s);
            // then
            expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
