import { status as GrpcStatus } from '@grpc/grpc-js';
import { Backpressure, EngineDown, Rejection, ResultTimeout, type RejectionType } from '../../engine/api';

/** Zeebe's gateway mapping of rejection types to gRPC codes (business rejections are never retryable codes). */
const GRPC_CODE: Record<RejectionType, GrpcStatus> = {
  NOT_FOUND: GrpcStatus.NOT_FOUND,
  INVALID_STATE: GrpcStatus.FAILED_PRECONDITION,
  INVALID_ARGUMENT: GrpcStatus.INVALID_ARGUMENT,
  ALREADY_EXISTS: GrpcStatus.ALREADY_EXISTS,
  UNAUTHORIZED: GrpcStatus.UNAUTHENTICATED,
  FORBIDDEN: GrpcStatus.PERMISSION_DENIED,
  EXCEEDED_BATCH_RECORD_SIZE: GrpcStatus.INVALID_ARGUMENT,
  PROCESSING_ERROR: GrpcStatus.INTERNAL,
};

/** Camunda's REST mapping of rejection types to HTTP status codes. */
const HTTP_STATUS: Record<RejectionType, number> = {
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  INVALID_ARGUMENT: 400,
  ALREADY_EXISTS: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  EXCEEDED_BATCH_RECORD_SIZE: 400,
  PROCESSING_ERROR: 500,
};

/** A request the gateway itself refuses before it reaches the engine (bad field, bad JSON …). */
export class InvalidRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequest';
  }
}

export interface GrpcError {
  code: GrpcStatus;
  details: string;
}

export function toGrpcError(err: unknown): GrpcError {
  if (err instanceof Rejection) return { code: GRPC_CODE[err.rejectionType] ?? GrpcStatus.INTERNAL, details: err.message };
  if (err instanceof InvalidRequest) return { code: GrpcStatus.INVALID_ARGUMENT, details: err.message };
  if (err instanceof Backpressure) return { code: GrpcStatus.RESOURCE_EXHAUSTED, details: err.message };
  // the engine cannot process until it is restarted: the gateway has no partition to send to (Zeebe's UNAVAILABLE)
  if (err instanceof EngineDown) return { code: GrpcStatus.UNAVAILABLE, details: err.message };
  // Zeebe answers DEADLINE_EXCEEDED here, but the Node SDK retries that code forever and would start a new instance
  // on every retry; ABORTED ends the call with the same message and no retry.
  if (err instanceof ResultTimeout) return { code: GrpcStatus.ABORTED, details: err.message };
  return { code: GrpcStatus.INTERNAL, details: `Unexpected error: ${err instanceof Error ? err.message : String(err)}` };
}

/** RFC 9457 problem details, as Camunda's REST API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
}

export function problem(status: number, title: string, detail: string, instance?: string): Problem {
  return { type: 'about:blank', title, status, detail, ...(instance ? { instance } : {}) };
}

export function toProblem(err: unknown, instance?: string): Problem {
  if (err instanceof Rejection) return problem(HTTP_STATUS[err.rejectionType] ?? 500, err.rejectionType, err.message, instance);
  if (err instanceof InvalidRequest) return problem(400, 'INVALID_ARGUMENT', err.message, instance);
  if (err instanceof Backpressure) return problem(503, 'RESOURCE_EXHAUSTED', err.message, instance);
  if (err instanceof EngineDown) return problem(503, 'SERVICE_UNAVAILABLE', err.message, instance);
  if (err instanceof ResultTimeout) return problem(504, 'DEADLINE_EXCEEDED', err.message, instance);
  return problem(500, 'INTERNAL_SERVER_ERROR', `Unexpected error: ${err instanceof Error ? err.message : String(err)}`, instance);
}
