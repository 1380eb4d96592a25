/** Size limits of the wire APIs; a request above them is rejected with a clear message, never processed. */
export interface GatewayLimits {
  /** Largest gRPC message accepted (bytes, after decompression). Zeebe's default is 4 MB. */
  maxGrpcMessageBytes: number;
  /** Largest JSON body on REST. */
  maxJsonBodyBytes: number;
  /** Largest single file of a multipart deployment, and the number of files. */
  maxDeploymentFileBytes: number;
  maxDeploymentFiles: number;
  /** Largest multipart deployment, all files together (the engine takes no larger deployment). */
  maxDeploymentBytes: number;
  /** Longest long-poll a client may ask for (ms). */
  maxLongPollMs: number;
  /** Long-poll when the client leaves it to the gateway (`requestTimeout` 0). */
  defaultLongPollMs: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxGrpcMessageBytes: 4 * 1024 * 1024,
  maxJsonBodyBytes: 4 * 1024 * 1024,
  maxDeploymentFileBytes: 4 * 1024 * 1024,
  maxDeploymentFiles: 100,
  maxDeploymentBytes: 4 * 1024 * 1024,
  maxLongPollMs: 10 * 60 * 1000,
  defaultLongPollMs: 10_000,
};
