/**
 * The @camunda8/sdk gRPC settings of every test client. Each SDK gRPC client debounces its connection state with a
 * timer of ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS (3 s by default) that its close() does not clear, so a test
 * file's process stayed alive up to 3 s after its last test ("Jest did not exit one second after the test run has
 * completed"). A gateway on the loopback does not jitter: a short tolerance lets the process end when the clients
 * are closed. The log level is read from here only, not from the top level.
 */
export const TEST_GRPC_SETTINGS = { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100 } as const;
