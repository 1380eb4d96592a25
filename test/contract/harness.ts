import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Camunda8 } from '@camunda8/sdk';
import { createCamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type GatewayLimits, type Gateways } from '../../src/gateway';
import { TEST_GRPC_SETTINGS } from '../support/sdk-settings';
import { eventually } from '../support/eventually';

/**
 * Where the contract tests run: `embedded` (default) starts the engine in this process; `camunda` points them at a
 * running Camunda 8.8 named by ZEEBE_GRPC_ADDRESS / ZEEBE_REST_ADDRESS (and CAMUNDA_MANAGEMENT_ADDRESS), e.g. the
 * single-container set-up of docs/api-notes.md with ZEEBE_CLOCK_CONTROLLED=true. Tests that look inside the embedded
 * engine or restart its gateways use `describeEmbedded` and are skipped there.
 */
export const TARGET = process.env.TEST_TARGET === 'camunda' ? 'camunda' : 'embedded';
export const describeEmbedded = TARGET === 'embedded' ? describe : describe.skip;

/** OCA option for reads: the embedded engine is immediately consistent; Camunda's searches lag behind. */
export const NOW = { consistency: { waitUpToMs: TARGET === 'embedded' ? 0 : 15_000 } };

export const FIXTURES = path.join(__dirname, 'fixtures');
export const fixture = (name: string) => path.join(FIXTURES, name);

export interface ContractEnv {
  /** The embedded engine and its gateways (embedded target only). */
  engine: Engine;
  gateways: Gateways;
  /** host:port of the gRPC gateway, for zbctl. */
  grpcAddress: string;
  c8: Camunda8;
  /** The gRPC client, already past its first (asynchronous) set-up. */
  zbc: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
  /** The orchestration-cluster REST client (OCA) of the SDK. */
  rest: ReturnType<Camunda8['getOrchestrationClusterApiClientLoose']>;
  /** The same client with strict request and response validation against Camunda 8.8's own schemas. */
  strictRest: ReturnType<typeof createCamundaClientLoose>;
  restUrl: string;
  close(): Promise<void>;
}

/**
 * SDK settings that keep test output readable and let a closed client end (see TEST_GRPC_SETTINGS). The gRPC client reads its log level (and retry switch) only from
 * `zeebeGrpcSettings`; at the top level they are ignored. REST clients follow CAMUNDA_LOG_LEVEL.
 */
export const QUIET_SDK = { CAMUNDA_LOG_LEVEL: 'none', zeebeGrpcSettings: TEST_GRPC_SETTINGS } as const;

/** A quiet SDK instance for the gateways; `settings` adds credentials or gRPC settings (merged, not replaced). */
export function sdkFor(gateways: Gateways, settings: Record<string, unknown> = {}, grpcSettings: Record<string, unknown> = {}): Camunda8 {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`,
    ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    ...QUIET_SDK,
    ...settings,
    zeebeGrpcSettings: { ...QUIET_SDK.zeebeGrpcSettings, ...grpcSettings },
  } as never);
}

/**
 * The SDK's stream worker prints every stream error with console.error, whatever the log level, including the
 * CANCELLED its own close() causes. Only that expected error is dropped; returns the function that undoes it.
 */
export function dropStreamCancellationErrors(): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const [first] = args;
    const cancelled = first instanceof Error && (first as Error & { code?: number }).code === 1 && first.message.includes('Cancelled on client');
    if (!cancelled) original(...args);
  };
  return () => {
    console.error = original;
  };
}

/** A running Camunda 8.8 named by the environment (TEST_TARGET=camunda). */
async function camundaEnv(): Promise<ContractEnv> {
  const grpc = process.env.ZEEBE_GRPC_ADDRESS ?? 'grpc://localhost:26500';
  const rest = (process.env.ZEEBE_REST_ADDRESS ?? 'http://localhost:8080').replace(/\/$/, '');
  const c8 = new Camunda8({ ZEEBE_GRPC_ADDRESS: grpc, ZEEBE_REST_ADDRESS: rest, CAMUNDA_AUTH_STRATEGY: 'NONE', ...QUIET_SDK } as never);
  const restoreConsole = dropStreamCancellationErrors();
  const zbc = c8.getZeebeGrpcApiClient();
  await zbc.topology();
  const embeddedOnly = (what: string) => () => {
    throw new Error(`${what} exists only with the embedded engine; use describeEmbedded for this test`);
  };
  const env = {
    grpcAddress: grpc.replace(/^grpcs?:\/\//, ''),
    c8,
    zbc,
    rest: c8.getOrchestrationClusterApiClientLoose(),
    strictRest: createCamundaClientLoose({
      config: { CAMUNDA_REST_ADDRESS: rest, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_VALIDATION: 'req:strict,res:strict', CAMUNDA_SDK_LOG_LEVEL: 'silent' } as never,
    }),
    restUrl: `${rest}/v2`,
    close: async () => {
      await c8.closeAllClients();
      restoreConsole();
    },
  };
  Object.defineProperty(env, 'engine', { get: embeddedOnly('env.engine') });
  Object.defineProperty(env, 'gateways', { get: embeddedOnly('env.gateways') });
  return env as ContractEnv;
}

/**
 * The engine in this process (memory durability, controllable clock) with its gateways on free ports — or, with
 * TEST_TARGET=camunda, the Camunda 8.8 the environment names.
 */
export async function startContractEnv(options: { limits?: Partial<GatewayLimits> } = {}): Promise<ContractEnv> {
  if (TARGET === 'camunda') return camundaEnv();
  const engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
  // The gateways listen before the SDK exists, so its first topology call never meets a closed port (no retries).
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, ...options });
  const c8 = sdkFor(gateways);
  const restoreConsole = dropStreamCancellationErrors();
  const zbc = c8.getZeebeGrpcApiClient();
  await zbc.topology();
  const rest = c8.getOrchestrationClusterApiClientLoose();
  const strictRest = createCamundaClientLoose({
    config: {
      CAMUNDA_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_VALIDATION: 'req:strict,res:strict',
      CAMUNDA_SDK_LOG_LEVEL: 'silent',
    } as never,
  });
  return {
    strictRest,
    engine,
    gateways,
    grpcAddress: `127.0.0.1:${gateways.grpcPort}`,
    c8,
    zbc,
    rest,
    restUrl: `http://127.0.0.1:${gateways.restPort}/v2`,
    close: async () => {
      await c8.closeAllClients();
      await gateways.close();
      await engine.close();
      restoreConsole();
    },
  };
}

const ZBCTL = path.join(__dirname, '../../node_modules/.bin/zbctl');

/** Runs the zbctl binary against the gateway; resolves with its stdout, rejects with stderr. */
export async function zbctl(env: ContractEnv, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(ZBCTL, [...args, '--insecure', '--address', env.grpcAddress], {
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
  });
  return stdout;
}

export { eventually };

export interface ElementInstanceRow {
  elementId: string;
  state: string;
  type: string;
  elementInstanceKey: string;
}

/** The element instances of a process instance, read over REST. */
export async function elementInstances(env: ContractEnv, processInstanceKey: string): Promise<ElementInstanceRow[]> {
  return ((await restCall(env, 'POST', '/element-instances/search', { filter: { processInstanceKey } })).body as { items: ElementInstanceRow[] }).items;
}

/** Waits until an element of the process instance is active and returns that element instance. */
export function activeElement(env: ContractEnv, processInstanceKey: string, elementId: string): Promise<ElementInstanceRow> {
  return eventually(async () => (await elementInstances(env, processInstanceKey)).find((e) => e.elementId === elementId && e.state === 'ACTIVE'));
}

/** The process instance's state: ACTIVE, COMPLETED or TERMINATED. */
export async function instanceState(env: ContractEnv, processInstanceKey: string): Promise<string> {
  return (await env.rest.getProcessInstance({ processInstanceKey }, NOW)).state;
}

/** JSON over REST /v2, for endpoints the SDK clients do not cover or to see raw status codes. */
export async function restCall(env: ContractEnv, method: string, pathName: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${env.restUrl}${pathName}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. XML)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
