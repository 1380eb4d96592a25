import { type CreateInstanceRequest, type ModifyInstanceRequest } from '../../engine/api';
import { InvalidRequest } from '../shared/errors';
import type { GrpcContext, UnaryHandler } from './context';
import { optionalKey, parseDocument } from './json';

interface CreateRequest {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: { elementId: string }[];
  tenantId: string;
}

function toCreateRequest(req: CreateRequest): CreateInstanceRequest {
  const processDefinitionKey = optionalKey(req.processDefinitionKey);
  if (!processDefinitionKey && !req.bpmnProcessId) {
    throw new InvalidRequest('Expected either a processDefinitionKey or a bpmnProcessId, but none was given');
  }
  return {
    ...(processDefinitionKey ? { processDefinitionKey } : { bpmnProcessId: req.bpmnProcessId }),
    ...(req.version > 0 ? { version: req.version } : {}),
    variables: parseDocument(req.variables),
    startInstructions: req.startInstructions?.length ? req.startInstructions.map((s) => ({ elementId: s.elementId })) : undefined,
    tenantId: req.tenantId || undefined,
  };
}

function instanceKey(value: string, what = 'process instance key'): string {
  const key = optionalKey(value);
  if (!key) throw new InvalidRequest(`Expected a ${what}, but got '${value}'`);
  return key;
}

export function instanceHandlers(ctx: GrpcContext): Record<string, UnaryHandler> {
  const { engine } = ctx;
  return {
    CreateProcessInstance: (async (req: CreateRequest) => ({ ...(await engine.createProcessInstance(toCreateRequest(req))) })) as UnaryHandler,
    CreateProcessInstanceWithResult: (async (req: { request: CreateRequest; requestTimeout: string; fetchVariables: string[] }) => {
      if (!req.request) throw new InvalidRequest('Expected a request with the instance to create, but none was given');
      const requestTimeout = Number(req.requestTimeout);
      const result = await engine.createProcessInstanceWithResult({
        ...toCreateRequest(req.request),
        fetchVariables: req.fetchVariables?.length ? req.fetchVariables : undefined,
        requestTimeoutMs: requestTimeout > 0 ? requestTimeout : ctx.limits.defaultLongPollMs,
      });
      return { ...result, variables: JSON.stringify(result.variables ?? {}) };
    }) as UnaryHandler,
    CancelProcessInstance: (async (req: { processInstanceKey: string }) => {
      await engine.cancelProcessInstance(instanceKey(req.processInstanceKey));
      return {};
    }) as UnaryHandler,
    ModifyProcessInstance: (async (req: {
      processInstanceKey: string;
      activateInstructions: { elementId: string; ancestorElementInstanceKey: string; variableInstructions: { variables: string; scopeId: string }[] }[];
      terminateInstructions: { elementInstanceKey: string }[];
    }) => {
      const modification: ModifyInstanceRequest = {
        activateInstructions: (req.activateInstructions ?? []).map((a) => ({
          elementId: a.elementId,
          ancestorElementInstanceKey: optionalKey(a.ancestorElementInstanceKey),
          variableInstructions: (a.variableInstructions ?? []).map((v) => ({
            scopeId: v.scopeId || undefined,
            variables: parseDocument(v.variables) ?? {},
          })),
        })),
        terminateInstructions: (req.terminateInstructions ?? []).map((t) => ({ elementInstanceKey: instanceKey(t.elementInstanceKey, 'element instance key') })),
      };
      await engine.modifyProcessInstance(instanceKey(req.processInstanceKey), modification);
      return {};
    }) as UnaryHandler,
    MigrateProcessInstance: (async (req: {
      processInstanceKey: string;
      migrationPlan?: { targetProcessDefinitionKey: string; mappingInstructions: { sourceElementId: string; targetElementId: string }[] };
    }) => {
      if (!req.migrationPlan) throw new InvalidRequest('Expected a migration plan, but none was given');
      await engine.migrateProcessInstance(instanceKey(req.processInstanceKey), {
        targetProcessDefinitionKey: instanceKey(req.migrationPlan.targetProcessDefinitionKey, 'target process definition key'),
        mappingInstructions: (req.migrationPlan.mappingInstructions ?? []).map((m) => ({ sourceElementId: m.sourceElementId, targetElementId: m.targetElementId })),
      });
      return {};
    }) as UnaryHandler,
    SetVariables: (async (req: { elementInstanceKey: string; variables: string; local: boolean }) => {
      const variables = parseDocument(req.variables);
      if (!variables) throw new InvalidRequest("Property 'variables' is invalid: Expected document to be a root level object, but was empty");
      return { ...(await engine.setVariables({ elementInstanceKey: instanceKey(req.elementInstanceKey, 'element instance key'), variables, local: req.local })) };
    }) as UnaryHandler,
    ResolveIncident: (async (req: { incidentKey: string }) => {
      await engine.resolveIncident(instanceKey(req.incidentKey, 'incident key'));
      return {};
    }) as UnaryHandler,
  };
}
