import { type Camunda8 } from '@camunda8/sdk';

/** A message for the engine: a start event or a waiting receive task/catch event takes it by name and key. */
export interface OutgoingMessage {
  name: string;
  correlationKey: string;
  /** Stable per business fact, so a redelivered job publishes nothing twice (the engine refuses the same id). */
  messageId: string;
  timeToLiveMs: number;
  variables: Record<string, unknown>;
}

export interface MessagePublisher {
  /** Publishes the message; a message with the same id already published counts as published. */
  publish(message: OutgoingMessage): Promise<void>;
}

// gRPC: ALREADY_EXISTS (code 6); REST: 409 Conflict. Both mean this very message is already in the engine.
const alreadyPublished = (err: unknown): boolean => {
  const e = err as { code?: number; status?: number; message?: string };
  return e?.code === 6 || e?.status === 409 || /ALREADY_EXISTS|already (been )?published|409/.test(String(e?.message));
};

/** The publisher of the worker runtime, over the same transport as its jobs. */
export function messagePublisher(camunda: Camunda8, transport: 'grpc' | 'rest'): MessagePublisher {
  return {
    async publish(m) {
      try {
        if (transport === 'rest') {
          await camunda.getOrchestrationClusterApiClient().publishMessage({
            name: m.name, correlationKey: m.correlationKey, messageId: m.messageId, timeToLive: m.timeToLiveMs, variables: m.variables,
          });
        } else {
          await camunda.getZeebeGrpcApiClient().publishMessage({
            name: m.name, correlationKey: m.correlationKey, messageId: m.messageId, timeToLive: m.timeToLiveMs, variables: m.variables as never,
          });
        }
      } catch (err) {
        if (!alreadyPublished(err)) throw err;
      }
    },
  };
}
