import * as grpc from '@grpc/grpc-js';
import type { Engine } from '../../engine/api';
import { componentLogger } from '../../logging';
import { isAuthorized, type GatewayAuth } from '../shared/auth';
import { InvalidRequest, toGrpcError } from '../shared/errors';
import type { GatewayLimits } from '../shared/limits';
import type { GrpcContext, UnaryHandler } from './context';
import { activateJobs, jobHandlers, streamActivatedJobs } from './jobs';
import { instanceHandlers } from './instances';
import { messageHandlers } from './messages';
import { gatewayServiceDefinition, UndecodableRequest } from './proto';
import { resourceHandlers } from './resources';
import { approximateSize } from './size';
import { grpcTenantRefusal } from '../shared/tenancy';

export interface GrpcServerOptions {
  host: string;
  port: number;
  auth: GatewayAuth;
  limits: GatewayLimits;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

type AnyCall = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>;

/** The Zeebe gateway protocol over gRPC, translating each RPC to the engine's API. */
export async function startGrpcServer(engine: Engine, options: GrpcServerOptions): Promise<RunningServer> {
  const log = componentLogger('grpc');
  let boundPort = options.port;
  const ctx: GrpcContext = { engine, limits: options.limits, log, advertisedHost: options.host, advertisedPort: () => boundPort };
  const open = new Set<() => void>();

  /**
   * Refuses unauthenticated, undecodable and oversized calls (the library's own answers would be INTERNAL and
   * RESOURCE_EXHAUSTED; Zeebe's is INVALID_ARGUMENT).
   */
  const admit = (name: string, call: AnyCall): grpc.ServiceError | undefined => {
    const header = call.metadata.get('authorization')[0];
    if (!isAuthorized(options.auth, typeof header === 'string' ? header : header?.toString('utf8'))) {
      return Object.assign(new Error('Expected valid credentials in the authorization header, but none or wrong ones were given'), {
        code: grpc.status.UNAUTHENTICATED,
        details: 'Expected valid credentials in the authorization header, but none or wrong ones were given',
        metadata: new grpc.Metadata(),
      });
    }
    if (call.request instanceof UndecodableRequest) return serviceError(new InvalidRequest(call.request.message));
    const foreignTenant = grpcTenantRefusal(name, call.request);
    if (foreignTenant) return serviceError(foreignTenant);
    if (approximateSize(call.request, options.limits.maxGrpcMessageBytes) > options.limits.maxGrpcMessageBytes) {
      return serviceError(new InvalidRequest(`Expected the ${name} request to be at most ${options.limits.maxGrpcMessageBytes} bytes, but it was larger`));
    }
    return undefined;
  };

  const unary = (name: string, handler: UnaryHandler): grpc.handleUnaryCall<unknown, unknown> => (call, callback) => {
    const refusal = admit(name, call);
    if (refusal) return callback(refusal);
    handler(call.request as never).then(
      (response) => callback(null, response),
      (err: unknown) => {
        log.debug({ rpc: name, err: (err as Error).message }, 'rpc rejected');
        callback(serviceError(err));
      },
    );
  };

  const implementation: grpc.UntypedServiceImplementation = {
    ActivateJobs: ((call: grpc.ServerWritableStream<never, unknown>) => {
      const refusal = admit('ActivateJobs', call);
      if (refusal) {
        call.emit('error', refusal);
        return;
      }
      const stop = () => call.emit('cancelled');
      open.add(stop);
      activateJobs(ctx, call).then(
        () => call.end(),
        (err: unknown) => call.emit('error', serviceError(err)),
      ).finally(() => open.delete(stop));
    }) as grpc.handleServerStreamingCall<unknown, unknown>,
    StreamActivatedJobs: ((call: grpc.ServerWritableStream<never, unknown>) => {
      const refusal = admit('StreamActivatedJobs', call);
      if (refusal) {
        call.emit('error', refusal);
        return;
      }
      try {
        streamActivatedJobs(ctx, call);
      } catch (err) {
        call.emit('error', serviceError(err));
        return;
      }
      const stop = () => {
        call.emit('cancelled');
        call.end();
      };
      open.add(stop);
      call.on('cancelled', () => open.delete(stop));
    }) as grpc.handleServerStreamingCall<unknown, unknown>,
  };
  const unaryHandlers = { ...jobHandlers(ctx), ...instanceHandlers(ctx), ...resourceHandlers(ctx), ...messageHandlers(ctx) };
  for (const [name, handler] of Object.entries(unaryHandlers)) implementation[name] = unary(name, handler);

  const server = new grpc.Server({
    // Leave headroom above our own limit so oversized requests get our INVALID_ARGUMENT, not the library's code.
    'grpc.max_receive_message_length': options.limits.maxGrpcMessageBytes * 2,
    'grpc.max_send_message_length': -1,
  });
  server.addService(gatewayServiceDefinition(), implementation);
  boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${formatHost(options.host)}:${options.port}`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  return {
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stop of [...open]) stop();
        const timer = setTimeout(() => server.forceShutdown(), 2000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

function serviceError(err: unknown): grpc.ServiceError {
  const { code, details } = toGrpcError(err);
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
