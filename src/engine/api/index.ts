/**
 * The embedded engine's in-process contract. The gateways (gRPC, REST /v2, management) translate wire calls to
 * this interface and nothing else; the engine core implements it. Shapes follow Zeebe's protocol records
 * (io.camunda.zeebe.protocol.record.value.*) so that gateways and projections can be written from Zeebe's
 * documentation alone. Keys are int64 values carried as decimal strings everywhere.
 */
export * from './basics';
export * from './rejections';
export * from './records';
export * from './commands';
export * from './engine';
export * from './tenancy';
export * from './read-model';
