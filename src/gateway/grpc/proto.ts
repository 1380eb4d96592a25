import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * What a request deserializer gives for bytes that are no valid message of the method's request type. grpc-js
 * answers a throwing deserializer with INTERNAL "Error deserializing request" before any handler runs; Zeebe answers
 * INVALID_ARGUMENT, so the deserializer hands this over instead and the server refuses it with the reason.
 */
export class UndecodableRequest {
  readonly message: string;

  constructor(method: string, requestType: string, reason: string) {
    this.message = `Expected the ${method} request to be a protobuf message of type ${requestType}, but it could not be decoded: ${reason}`;
  }
}

/** The gateway protocol exactly as the SDK ships it (never a copy), loaded with the SDK's own options. */
export function gatewayServiceDefinition(): grpc.ServiceDefinition {
  const protoPath = require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');
  const definition = protoLoader.loadSync(protoPath, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const gateway = (grpc.loadPackageDefinition(definition).gateway_protocol as grpc.GrpcObject).Gateway as grpc.ServiceClientConstructor;
  return tolerantDeserializers(gateway.service);
}

/** Each method's request deserializer, answering undecodable bytes with an UndecodableRequest instead of throwing. */
function tolerantDeserializers(service: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const wrapped: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(service)) {
    const decode = method.requestDeserialize;
    const requestType = (method as { requestType?: { type?: { name?: string } } }).requestType?.type?.name ?? `${name}Request`;
    wrapped[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return decode(bytes);
        } catch (err) {
          return new UndecodableRequest(name, requestType, err instanceof Error ? err.message : String(err));
        }
      },
    };
  }
  return wrapped;
}
