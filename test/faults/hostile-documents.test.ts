// Variable documents nested far deeper than any serialiser can follow, sent through both gateways: each is refused
// as INVALID_ARGUMENT before anything is written, and the engine keeps serving (it used to go DOWN until restarted).
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { type EmbeddedEngine } from '../support/embedded-engine';
import { fuzzTarget, type stateProbe } from './support/state';

/** A JSON text of 100,000 arrays nested in each other (the text itself is only 200 kB). */
const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

const root = protobuf.loadSync(require.resolve('@camunda8/sdk/dist/proto/zeebe.proto'));

describe('variable documents nested too deep', () => {
  let env: EmbeddedEngine;
  let probe: ReturnType<typeof stateProbe>;
  let base: string;
  let client: Client;

  beforeAll(async () => {
    ({ env, probe } = await fuzzTarget({ running: true }));
    base = `http://127.0.0.1:${env.gateways.restPort}/v2`;
    client = new Client(`127.0.0.1:${env.gateways.grpcPort}`, credentials.createInsecure());
  }, 60_000);

  afterAll(async () => {
    client.close();
    await env.close();
  }, 30_000);

  const post = async (path: string, body: string) => {
    const res = await fetch(`${base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, problem: (await res.json()) as { title: string; detail: string } };
  };

  const grpc = (method: string, requestType: string, fields: Record<string, unknown>) => {
    const type = root.lookupType(`gateway_protocol.${requestType}`);
    const payload = Buffer.from(type.encode(type.fromObject(fields)).finish());
    return new Promise<{ code: number; details: string }>((resolve) => {
      client.makeUnaryRequest(`/gateway_protocol.Gateway/${method}`, (b: Buffer) => b, (b: Buffer) => b, payload,
        { deadline: Date.now() + 10_000 }, (err: ServiceError | null) => resolve({ code: err ? err.code : status.OK, details: err?.details ?? '' }));
    });
  };

  const expectStillServing = async () => {
    const ok = await post('messages/publication', JSON.stringify({ name: 'after-the-attack', correlationKey: 'k', variables: { fine: [[1]] } }));
    expect(ok.status).toBe(200);
    expect(env.engine.health().status).toBe('UP');
  };

  it('refuses a REST message publication with 100,000 nested arrays as 400 and keeps serving', async () => {
    // given the engine with a running instance
    const before = await probe.snapshot();

    // when a message is published whose variables nest 100,000 arrays deep
    const { status: code, problem } = await post('messages/publication', `{"name":"m","correlationKey":"k","variables":{"a":${DEEP}}}`);

    // then it is refused as an invalid argument naming the nesting limit, nothing changed, and the engine serves on
    expect(code).toBe(400);
    expect(problem.title).toBe('INVALID_ARGUMENT');
    expect(problem.detail).toMatch(/nested at most 1000 levels deep/);
    expect(await probe.snapshot()).toEqual(before);
    await expectStillServing();
  }, 30_000);

  it('refuses a gRPC message publication with 100,000 nested arrays as INVALID_ARGUMENT and keeps serving', async () => {
    // given the engine state
    const before = await probe.snapshot();

    // when the same document arrives as PublishMessage variables
    const { code, details } = await grpc('PublishMessage', 'PublishMessageRequest', { name: 'm', correlationKey: 'k', variables: `{"a":${DEEP}}` });

    // then it is refused the same way
    expect(code).toBe(status.INVALID_ARGUMENT);
    expect(details).toMatch(/nested at most 1000 levels deep/);
    expect(await probe.snapshot()).toEqual(before);
    await expectStillServing();
  }, 30_000);

  it('refuses the deep document on every command that takes variables, through both gateways', async () => {
    // given a running instance with a job and its element instance
    const [job] = await env.engine.activateJobs({ type: 'fault-fuzz-work', worker: 'hostile', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    const before = await probe.snapshot();
    const doc = `{"a":${DEEP}}`;

    // when the deep document is sent to create an instance, complete and fail the job, set variables, correlate a
    // message, broadcast a signal and evaluate a decision
    const restAnswers = await Promise.all([
      post('process-instances', `{"processDefinitionId":"fault-fuzz","variables":${doc}}`),
      post(`jobs/${job.key}/completion`, `{"variables":${doc}}`),
      post('messages/correlation', `{"name":"m","correlationKey":"k","variables":${doc}}`),
      post('signals/broadcast', `{"signalName":"s","variables":${doc}}`),
      fetch(`${base}/element-instances/${job.processInstanceKey}/variables`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: `{"variables":${doc}}` })
        .then(async (res) => ({ status: res.status, problem: (await res.json()) as { title: string; detail: string } })),
    ]);
    const grpcAnswers = await Promise.all([
      grpc('CreateProcessInstance', 'CreateProcessInstanceRequest', { bpmnProcessId: 'fault-fuzz', version: -1, variables: doc }),
      grpc('CompleteJob', 'CompleteJobRequest', { jobKey: job.key, variables: doc }),
      grpc('FailJob', 'FailJobRequest', { jobKey: job.key, retries: 1, variables: doc }),
      grpc('ThrowError', 'ThrowErrorRequest', { jobKey: job.key, errorCode: 'e', variables: doc }),
      grpc('SetVariables', 'SetVariablesRequest', { elementInstanceKey: job.processInstanceKey, variables: doc }),
      grpc('BroadcastSignal', 'BroadcastSignalRequest', { signalName: 's', variables: doc }),
    ]);

    // then each is refused as an invalid argument naming the limit, and nothing changed
    for (const answer of restAnswers) {
      expect(answer).toEqual({ status: 400, problem: expect.objectContaining({ detail: expect.stringMatching(/nested at most 1000 levels deep/) }) });
    }
    for (const answer of grpcAnswers) {
      expect(answer).toEqual({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/nested at most 1000 levels deep/) });
    }
    expect(await probe.snapshot()).toEqual(before);
    await expectStillServing();
  }, 60_000);

  it('takes a document nested exactly to the limit', async () => {
    // given variables nested 1000 levels deep (the root object counts as the first)
    const doc = `{"a":${'['.repeat(999)}${']'.repeat(999)}}`;

    // when an instance is created with them
    const created = await post('process-instances', `{"processDefinitionId":"fault-fuzz","variables":${doc}}`);

    // then it is created
    expect(created.status).toBe(200);
  }, 30_000);
});
