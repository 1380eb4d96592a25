import type { GrpcContext, UnaryHandler } from './context';
import { parseDocument, requireText } from './json';

export function messageHandlers(ctx: GrpcContext): Record<string, UnaryHandler> {
  const { engine } = ctx;
  return {
    PublishMessage: (async (req: { name: string; correlationKey: string; timeToLive: string; messageId: string; variables: string; tenantId: string }) => ({
      ...(await engine.publishMessage({
        name: requireText(req.name, 'name'),
        correlationKey: req.correlationKey,
        timeToLive: Number(req.timeToLive ?? 0),
        messageId: req.messageId || undefined,
        variables: parseDocument(req.variables),
        tenantId: req.tenantId || undefined,
      })),
    })) as UnaryHandler,
    BroadcastSignal: (async (req: { signalName: string; variables: string; tenantId: string }) => ({
      ...(await engine.broadcastSignal({
        signalName: requireText(req.signalName, 'signalName'),
        variables: parseDocument(req.variables),
        tenantId: req.tenantId || undefined,
      })),
    })) as UnaryHandler,
    Topology: (async () => {
      const healthy = engine.health().status === 'UP';
      return {
        brokers: [
          {
            nodeId: 0,
            host: ctx.advertisedHost,
            port: ctx.advertisedPort(),
            version: '8.8.0',
            partitions: [{ partitionId: 1, role: 'LEADER', health: healthy ? 'HEALTHY' : 'UNHEALTHY' }],
          },
        ],
        clusterSize: 1,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: '8.8.0',
      };
    }) as UnaryHandler,
  };
}
