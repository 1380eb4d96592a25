import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Engine } from '../engine/api';
import { componentLogger } from '../logging';
import { resolveAuth, type GatewayAuth } from './shared/auth';
import { startGrpcServer } from './grpc/server';
import { DEFAULT_LIMITS, type GatewayLimits } from './shared/limits';
import { createManagementApp } from './management/app';
import { createRestApp } from './rest/app';

export { resolveAuth, isLoopback, InsecureBindingError, type GatewayAuth } from './shared/auth';
export { DEFAULT_LIMITS, type GatewayLimits } from './shared/limits';
export { readModels } from '../engine';

export interface GatewayOptions {
  /** Address to bind; anything but loopback needs credentials (see resolveAuth). */
  host: string;
  grpcPort: number;
  restPort: number;
  managementPort: number;
  /** Credentials callers must present; default: none (loopback only). */
  auth?: GatewayAuth;
  limits?: Partial<GatewayLimits>;
  /** ENGINE_CLOCK_CONTROLLED, as given to createEngine: enables the clock and purge endpoints. Default: whether
   * the engine's clock accepts being moved. */
  clockControlled?: boolean;
}

export interface Gateways {
  host: string;
  grpcPort: number;
  restPort: number;
  managementPort: number;
  /** Stops accepting calls, ends long polls and job streams, and closes the three servers. */
  close(): Promise<void>;
}

/**
 * Starts the gRPC gateway, REST `/v2` and the management port around an engine in this process. The engine must
 * have been created with `projections: [readModels()]` so that REST searches have their read models.
 * Port 0 picks a free port; the bound ports are returned.
 */
export async function startGateways(engine: Engine, options: GatewayOptions): Promise<Gateways> {
  const log = componentLogger('gateway');
  // REST searches answer from the engine's read model: refuse to start without it
  engine.readModel();
  const auth = options.auth ?? resolveAuth({ host: options.host });
  const clockControlled = options.clockControlled ?? clockAcceptsControl(engine);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const grpc = await startGrpcServer(engine, { host: options.host, port: options.grpcPort, auth, limits });
  const started: { close(): Promise<void> }[] = [grpc];
  try {
    const rest = await listen(createRestApp(engine, { auth, limits, cluster: { host: options.host, grpcPort: () => grpc.port, clockControlled } }), options.host, options.restPort);
    started.push(rest);
    const management = await listen(createManagementApp(engine, auth, clockControlled), options.host, options.managementPort);
    started.push(management);
    log.debug({ grpcPort: grpc.port, restPort: rest.port, managementPort: management.port, auth: auth.kind }, 'gateways started');
    return {
      host: options.host,
      grpcPort: grpc.port,
      restPort: rest.port,
      managementPort: management.port,
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
}

/** A controllable clock takes a zero move (which changes nothing); an uncontrolled one refuses it. */
function clockAcceptsControl(engine: Engine): boolean {
  try {
    engine.clock.add(0);
    return true;
  } catch {
    return false;
  }
}

async function listen(app: Express, host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  // Long polls hold requests open; a REST long poll is at most maxLongPollMs, so keep-alive sockets are closed eagerly.
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
