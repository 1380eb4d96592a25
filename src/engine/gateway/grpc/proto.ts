import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The gateway protocol exactly as the SDK ships it (never a copy), loaded with the SDK's own options. */
export function gatewayServiceDefinition(): grpc.ServiceDefinition {
  const protoPath = require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');
  const definition = protoLoader.loadSync(protoPath, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const gateway = (grpc.loadPackageDefinition(definition).gateway_protocol as grpc.GrpcObject).Gateway as grpc.ServiceClientConstructor;
  return gateway.service;
}
