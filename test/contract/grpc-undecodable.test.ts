// Bytes that are no protobuf message of the method's request type, sent with @grpc/grpc-js as they are: the gateway
// refuses them as Zeebe does, with INVALID_ARGUMENT and the reason, not grpc-js' INTERNAL "Error deserializing request".
import { credentials, makeGenericClientConstructor, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { startContractEnv, type ContractEnv, describeEmbedded } from './harness';

const raw = (bytes: Buffer) => bytes;

// The answers come at once; the generous deadline only keeps a busy machine from turning them into DEADLINE_EXCEEDED.
const DEADLINE_MS = 60_000;
jest.setTimeout(2 * DEADLINE_MS);

// Two methods of the gateway with pass-through serializers: one unary, one server-streaming.
const RawGateway = makeGenericClientConstructor({
  CreateProcessInstance: {
    path: '/gateway_protocol.Gateway/CreateProcessInstance', requestStream: false, responseStream: false,
    requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw,
  },
  ActivateJobs: {
    path: '/gateway_protocol.Gateway/ActivateJobs', requestStream: false, responseStream: true,
    requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw,
  },
}, 'Gateway');

// Field 1 (length-delimited) announcing 5 bytes but carrying 1; an unknown field 15 with the unused wire type 7.
const TRUNCATED = Buffer.from([0x0a, 0x05, 0x61]);
const BAD_WIRE_TYPE = Buffer.from([0x7f, 0x01]);

describeEmbedded('gRPC gateway with undecodable request bytes', () => {
  let env: ContractEnv;
  let client: Client & Record<string, (...args: unknown[]) => unknown>;

  beforeAll(async () => {
    env = await startContractEnv();
    client = new RawGateway(env.grpcAddress, credentials.createInsecure()) as never;
  });
  afterAll(async () => {
    client.close();
    await env.close();
  });

  const unary = (method: string, bytes: Buffer) => new Promise<ServiceError | null>((resolve) => {
    client[method](bytes, { deadline: Date.now() + DEADLINE_MS }, (err: ServiceError | null) => resolve(err));
  });
  const streaming = (method: string, bytes: Buffer) => new Promise<ServiceError | null>((resolve) => {
    const call = client[method](bytes, { deadline: Date.now() + DEADLINE_MS }) as NodeJS.EventEmitter;
    call.on('data', () => undefined);
    call.on('error', (err: ServiceError) => resolve(err));
    call.on('end', () => resolve(null));
  });

  it('refuses a truncated message to a unary method with INVALID_ARGUMENT naming the request type', async () => {
    // when
    const err = await unary('CreateProcessInstance', TRUNCATED);
    // then
    expect(err?.code).toBe(status.INVALID_ARGUMENT);
    expect(err?.details).toMatch(/^Expected the CreateProcessInstance request to be a protobuf message of type CreateProcessInstanceRequest, but it could not be decoded: .+/);
  });

  it('refuses a message with an invalid wire type to a streaming method with INVALID_ARGUMENT', async () => {
    // when
    const err = await streaming('ActivateJobs', BAD_WIRE_TYPE);
    // then
    expect(err?.code).toBe(status.INVALID_ARGUMENT);
    expect(err?.details).toMatch(/^Expected the ActivateJobs request to be a protobuf message of type ActivateJobsRequest, but it could not be decoded: .*wire type/);
  });

  it('keeps serving well-formed requests after undecodable ones', async () => {
    // given
    await unary('CreateProcessInstance', TRUNCATED);
    // when
    const topology = await env.zbc.topology();
    // then
    expect(topology.brokers).toHaveLength(1);
  });
});
