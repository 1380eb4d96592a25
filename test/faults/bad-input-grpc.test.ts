// Property-based bad input to the Zeebe gRPC gateway through raw @grpc/grpc-js calls: random bytes as protobuf
// messages to every state-changing method and to methods that do not exist. Always INVALID_ARGUMENT / NOT_FOUND /
// UNIMPLEMENTED, never INTERNAL or UNKNOWN, and the engine state does not change.
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { type EmbeddedEngine } from '../support/embedded-engine';
import { fuzzTarget, type stateProbe } from './support/state';

const METHODS = [
  'CreateProcessInstance', 'CreateProcessInstanceWithResult', 'CancelProcessInstance', 'CompleteJob', 'FailJob', 'ThrowError',
  'UpdateJobRetries', 'UpdateJobTimeout', 'SetVariables', 'ResolveIncident', 'ModifyProcessInstance', 'EvaluateDecision',
  'DeployResource', 'DeleteResource', 'MigrateProcessInstance', 'NoSuchMethod',
];
const PRECISE = [status.INVALID_ARGUMENT, status.NOT_FOUND, status.UNIMPLEMENTED, status.FAILED_PRECONDITION];

const varint = (n: bigint): number[] => {
  const out: number[] = [];
  let v = n;
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  return out;
};

// The gateway's own protocol, so the random messages are well-formed: every field has its declared type, with
// random values (unknown keys, negative numbers, non-JSON variables, empty and hostile strings).
const root = protobuf.loadSync(require.resolve('@camunda8/sdk/dist/proto/zeebe.proto'));
const gateway = root.lookupService('gateway_protocol.Gateway');

function scalar(type: string): fc.Arbitrary<unknown> {
  if (/int64|fixed64/.test(type)) return fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), fc.constantFrom('0', '-1', '2251799813685249'));
  if (/int32|fixed32/.test(type)) return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  if (type === 'bool') return fc.boolean();
  if (type === 'double' || type === 'float') return fc.double();
  if (type === 'bytes') return fc.uint8Array({ maxLength: 40 });
  return fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', '{', '{"a":1}', '[1]', 'null', '<x/>', '../../etc/passwd'));
}

function messageOf(type: protobuf.Type, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of type.fieldsArray) {
    const resolved = f.resolve().resolvedType;
    let value: fc.Arbitrary<unknown>;
    if (resolved instanceof protobuf.Type) value = depth < 2 ? messageOf(resolved, depth + 1) : fc.constant({});
    else if (resolved instanceof protobuf.Enum) value = fc.integer({ min: -1, max: 5 });
    else value = scalar(f.type);
    fields[f.name] = f.repeated ? fc.array(value, { maxLength: 3 }) : value;
  }
  return fc.record(fields, { requiredKeys: [] });
}

const request = fc.constantFrom(...METHODS.filter((m) => gateway.methods[m])).chain((method) => {
  const type = root.lookupType(`gateway_protocol.${gateway.methods[method].requestType}`);
  return messageOf(type).map((obj) => ({ method, bytes: Buffer.from(type.encode(type.fromObject(obj)).finish()) }));
});

describe('gRPC gateway under random protobuf messages', () => {
  let env: EmbeddedEngine;
  let client: Client;
  let probe: ReturnType<typeof stateProbe>;

  beforeAll(async () => {
    ({ env, probe } = await fuzzTarget({ running: true }));
    client = new Client(`127.0.0.1:${env.gateways.grpcPort}`, credentials.createInsecure());
  }, 60_000);

  afterAll(async () => {
    client.close();
    await env.close();
  }, 30_000);

  const call = (method: string, payload: Buffer) => new Promise<{ code: number; details: string }>((resolve) => {
    client.makeUnaryRequest(`/gateway_protocol.Gateway/${method}`, (b: Buffer) => b, (b: Buffer) => b, payload,
      { deadline: Date.now() + 5_000 }, (err: ServiceError | null) => resolve({ code: err ? err.code : status.OK, details: err?.details ?? '' }));
  });

  it('refuses well-formed messages with random fields precisely and changes nothing', async () => {
    // given the engine with one definition and one running instance
    const before = await probe.snapshot();
    const seen = new Set<number>();

    // when messages of random fields and values are sent to every method
    await fc.assert(
      fc.asyncProperty(request, async ({ method, bytes }) => {
        const { code, details } = await call(method, bytes);

        // then each answer is a precise refusal with a reason
        seen.add(code);
        if (!PRECISE.includes(code)) throw new Error(`${method} ${code} ${details}`);
        expect(details.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 20261128 },
    );

    // and the engine is UP with the same definitions, instances and no new events
    expect(seen.has(status.INVALID_ARGUMENT)).toBe(true);
    expect(await probe.snapshot()).toEqual(before);
  }, 50_000);

  it('answers bytes that are no protobuf at all with an error status and keeps serving', async () => {
    // given the engine state
    const before = await probe.snapshot();
    let undecodable = 0;

    // when undecodable bytes (random, truncated varints, field number 0) arrive
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.uint8Array({ minLength: 1, maxLength: 200 }), async (method, bytes) => {
        const { code, details } = await call(method, Buffer.from(bytes));

        // then the call fails with a client-error status (undecodable bytes are INVALID_ARGUMENT naming the
        // message type, as in Zeebe) and never succeeds
        expect(code).not.toBe(status.OK);
        expect(code).not.toBe(status.UNKNOWN);
        expect(code).not.toBe(status.INTERNAL);
        if (/could not be decoded/.test(details)) undecodable += 1;
      }),
      { numRuns: 200, seed: 20261128 },
    );

    // and some of them were refused as undecodable, the rest as invalid requests
    expect(undecodable).toBeGreaterThan(0);
    // and the server keeps answering with the state unchanged
    expect((await call('Topology', Buffer.alloc(0))).code).toBe(status.OK);
    expect(await probe.snapshot()).toEqual(before);
  }, 50_000);

  it('refuses a well-formed message beyond the size limit and keeps serving', async () => {
    // given a CreateProcessInstance whose bpmnProcessId (field 2) is 5 MiB long (the gateway's limit is 4 MiB)
    const id = Buffer.alloc(5 * 1024 * 1024, 0x61);
    const huge = Buffer.concat([Buffer.from([0x12, ...varint(BigInt(id.length))]), id]);

    // when it is sent, then it is refused and the topology still answers
    const { code, details } = await call('CreateProcessInstance', huge);
    expect([status.RESOURCE_EXHAUSTED, status.INVALID_ARGUMENT]).toContain(code);
    expect(details.length).toBeGreaterThan(0);
    expect((await call('Topology', Buffer.alloc(0))).code).toBe(status.OK);
  }, 30_000);
});
