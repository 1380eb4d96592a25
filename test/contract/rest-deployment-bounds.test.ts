// Deployments are parsed on a thread of their own and bounded in size: a large one never stalls the gateways,
// an oversized one is refused with a clear answer before it is held in memory.
import { DEFAULT_LIMITS } from '../../src/gateway/shared/limits';
import { type ContractEnv, describeEmbedded, startContractEnv } from './harness';
import { chainOfTasks } from '../support/large-diagram';

async function deploy(env: ContractEnv, ...files: Array<[string, Blob]>): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const [name, content] of files) form.append('resources', content, name);
  const res = await fetch(`${env.restUrl}/deployments`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Asks the topology over REST, one request after the other, until `work` settles; how many were answered meanwhile. */
async function answeredDuring(env: ContractEnv, work: Promise<unknown>): Promise<number> {
  let settled = false;
  void work.finally(() => (settled = true)).catch(() => undefined);
  let answered = 0;
  while (!settled) {
    const res = await fetch(`${env.restUrl}/topology`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    if (!settled) answered += 1;
  }
  return answered;
}

describeEmbedded('deployment bounds (REST)', () => {
  let env: ContractEnv;
  beforeAll(async () => {
    env = await startContractEnv();
    // the deployment thread started (a deployment beyond 2,000 XML elements goes to it), so what follows measures
    // parsing, not the thread's start
    expect((await deploy(env, ['warm-up.bpmn', new Blob([chainOfTasks('warm-up', 600)])])).status).toBe(200);
  }, 60_000);
  afterAll(() => env.close());

  it('answers other requests while a diagram of 20,000 XML elements is parsed, then deploys it', async () => {
    // given a diagram within the limits that takes seconds to parse
    const diagram = new Blob([chainOfTasks('chain-of-5000', 5000)]);

    // when it is deployed while the topology is asked again and again
    const deployment = deploy(env, ['chain-of-5000.bpmn', diagram]);
    const answered = await answeredDuring(env, deployment);

    // then the other requests kept being answered during the parse (on the event loop it allowed none), and it deployed
    expect(answered).toBeGreaterThanOrEqual(10);
    const { status, body } = await deployment;
    expect(status).toBe(200);
    expect(body.deployments).toEqual([{ processDefinition: expect.objectContaining({ processDefinitionId: 'chain-of-5000', processDefinitionVersion: 1 }) }]);
  }, 120_000);

  it('refuses a diagram of 60,000 XML elements with the limit it exceeds, without parsing it', async () => {
    // when a diagram of 15,000 tasks is deployed
    const { status, body } = await deploy(env, ['chain-of-15000.bpmn', new Blob([chainOfTasks('chain-of-15000', 15_000)])]);

    // then it is refused naming the limit, and nothing of it was deployed
    expect(status).toBe(400);
    expect(body).toMatchObject({ title: 'INVALID_ARGUMENT', detail: expect.stringContaining('at most 25000 XML elements together, but they held 60005') });
    const found = await fetch(`${env.restUrl}/process-definitions/search`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filter: { processDefinitionId: 'chain-of-15000' } }),
    });
    expect(((await found.json()) as { items: unknown[] }).items).toEqual([]);
  }, 60_000);

  it('answers 413 to 100 files of 3.9 MB before reading them, in the problem-detail format', async () => {
    // given a hundred files, each below the per-file limit, 390 MB together
    const file = new Blob([new Uint8Array(3_900_000).fill(0x20)]);
    const files = Array.from({ length: 100 }, (_, i): [string, Blob] => [`f${i}.bpmn`, file]);

    // when they are deployed in one request
    const { status, body } = await deploy(env, ...files);

    // then the gateway refuses them as too large, naming the limit on all files together
    expect(DEFAULT_LIMITS.maxDeploymentFiles).toBeGreaterThanOrEqual(100);
    expect(3_900_000).toBeLessThan(DEFAULT_LIMITS.maxDeploymentFileBytes);
    expect(status).toBe(413);
    expect(body).toEqual({
      type: 'about:blank', title: 'PAYLOAD_TOO_LARGE', status: 413, instance: '/v2/deployments',
      detail: expect.stringContaining(`at most ${DEFAULT_LIMITS.maxDeploymentBytes} bytes together`),
    });
  }, 60_000);

  it('answers 413 when the files of a request without a declared length pass the total limit, and deploys the next one', async () => {
    // given two files of 2.5 MB, sent chunked (no Content-Length to refuse them by)
    const form = new FormData();
    for (const name of ['a.bpmn', 'b.bpmn']) form.append('resources', new Blob([new Uint8Array(2_500_000).fill(0x20)]), name);
    const encoded = new Response(form);
    const chunked = await fetch(`${env.restUrl}/deployments`, {
      method: 'POST', headers: { 'content-type': encoded.headers.get('content-type')! }, body: encoded.body, duplex: 'half',
    } as RequestInit);

    // then they are refused while being read, and a small deployment afterwards goes through
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ title: 'PAYLOAD_TOO_LARGE', detail: expect.stringContaining('bytes together') });
    expect((await deploy(env, ['after.bpmn', new Blob([chainOfTasks('after', 2)])])).status).toBe(200);
  }, 60_000);
});
