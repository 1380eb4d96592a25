import type { Engine } from '../../engine/api';
import type { Logger } from '../../logging';
import type { GatewayLimits } from '../shared/limits';

/** What every RPC handler needs. */
export interface GrpcContext {
  engine: Engine;
  limits: GatewayLimits;
  log: Logger;
  /** Address advertised by Topology. */
  advertisedHost: string;
  advertisedPort: () => number;
}

/** A unary RPC: plain request in, plain response out; rejections are thrown. */
export type UnaryHandler = (request: never) => Promise<Record<string, unknown>>;

export const GATEWAY_VERSION = '8.8.0';
