import { foreignTenants, grpcTenancyDisabled, restTenancyDisabled } from '../../engine/api';
import { InvalidRequest } from './errors';

/**
 * The gateways refuse tenants other than `<default>` before anything else, with Zeebe's gateway texts (multi-tenancy
 * is disabled): gRPC INVALID_ARGUMENT, REST 400 INVALID_ARGUMENT.
 */

interface TenantFields {
  tenantId?: unknown;
  tenantIds?: unknown;
  /** CreateProcessInstanceWithResult wraps the creation request. */
  request?: { tenantId?: unknown } | null;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** The refusal of a gRPC call whose request names another tenant (every RPC has its tenant fields checked). */
export function grpcTenantRefusal(rpc: string, request: unknown): InvalidRequest | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const fields = request as TenantFields;
  const named = [...strings(fields.tenantId), ...strings(fields.request?.tenantId), ...strings(fields.tenantIds)];
  const [foreign] = foreignTenants(named);
  return foreign === undefined ? undefined : new InvalidRequest(grpcTenancyDisabled(rpc, foreign));
}

/** Throws the REST refusal (`request` as Camunda names it, e.g. 'Create Process Instance') for another tenant. */
export function requireDefaultTenant(request: string, tenantIds: string | readonly string[] | undefined): void {
  const named = strings(tenantIds).filter((id) => id.trim() !== '');
  if (foreignTenants(named).length > 0) throw new InvalidRequest(restTenancyDisabled(request, named));
}

/** The `tenantId` (or `tenantIds`) field of a JSON body when it holds strings; wrongly typed ones are left to the schema. */
export function tenantOf(body: unknown, field: 'tenantId' | 'tenantIds' = 'tenantId'): string[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return strings(value);
}
