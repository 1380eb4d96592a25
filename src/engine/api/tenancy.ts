import { DEFAULT_TENANT } from './basics';
import { Rejection } from './rejections';

/**
 * Multi-tenancy is off (one tenant, `<default>`), as on a Camunda 8 cluster started without it: a request may leave
 * the tenant out or name `<default>`, anything else is refused with the texts of Zeebe's gateways.
 */

/** The tenant ids of a request other than `<default>` (blank ones count as absent). */
export function foreignTenants(tenantIds: readonly (string | undefined)[] | undefined): string[] {
  return (tenantIds ?? []).filter((id): id is string => typeof id === 'string' && id.trim() !== '' && id !== DEFAULT_TENANT);
}

/**
 * The REST gateway's refusal (`request` as Camunda names it, e.g. 'Deploy Resources'): one tenant id is quoted, a
 * list of several is printed as Java prints a list.
 */
export function restTenancyDisabled(request: string, tenantIds: readonly string[]): string {
  return tenantIds.length > 1
    ? `Expected to handle request ${request} with tenant identifiers [${tenantIds.join(', ')}], but multi-tenancy is disabled`
    : `Expected to handle request ${request} with tenant identifier '${tenantIds[0] ?? ''}', but multi-tenancy is disabled`;
}

/** The gRPC gateway's refusal (`rpc` is the method name, e.g. 'DeployResource'); lists are checked id by id. */
export function grpcTenancyDisabled(rpc: string, tenantId: string): string {
  return `Expected to handle gRPC request ${rpc} with tenant identifier '${tenantId}', but multi-tenancy is disabled`;
}

/**
 * For callers of the engine API: the INVALID_ARGUMENT rejection of the command (`intent`) when the request names a
 * tenant other than `<default>`, with the REST gateway's text; undefined when the request may go on.
 */
export function foreignTenantRejection(intent: string, request: string, tenantIds: readonly (string | undefined)[] | undefined): Rejection | undefined {
  if (foreignTenants(tenantIds).length === 0) return undefined;
  const named = (tenantIds ?? []).filter((id): id is string => typeof id === 'string' && id.trim() !== '');
  return new Rejection('INVALID_ARGUMENT', intent, restTenancyDisabled(request, named));
}
