import { type IncidentErrorType, type IncidentRecordValue, type Key } from '../../../api';
import { evaluateTyped, isExpression } from '../../../feel';
import { type ProcessingContext } from '../../context';
import { type Element } from './element';

const MAX_MESSAGE = 10000;

export function truncateMessage(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}...` : message;
}

/** Creates an incident on an element; the element stays where it failed until the incident is resolved. */
export function raiseIncident(ctx: ProcessingContext, el: Element, errorType: IncidentErrorType, message: string, jobKey: Key = '-1'): Key {
  const value: IncidentRecordValue = {
    errorType,
    errorMessage: truncateMessage(message),
    bpmnProcessId: el.inst.bpmnProcessId,
    processDefinitionKey: el.inst.processDefinitionKey,
    processInstanceKey: el.inst.processInstanceKey,
    elementId: el.inst.elementId,
    elementInstanceKey: el.inst.key,
    variableScopeKey: el.inst.key,
    jobKey,
    tenantId: el.inst.tenantId,
  };
  const key = ctx.keys.nextKey();
  ctx.event('INCIDENT', 'CREATED', key, value);
  return key;
}

/** Resolves every incident of an element instance (on termination). */
export function resolveIncidentsOf(ctx: ProcessingContext, elementInstanceKey: Key): void {
  for (const incident of ctx.state.incidentsOf(elementInstanceKey)) {
    ctx.event('INCIDENT', 'RESOLVED', incident.key, incident.value);
  }
}

/**
 * A string attribute that may be a FEEL expression (called process or decision id, signal name, error code): the
 * static text, or the expression's value in the element's scope; a failed or non-string result raises
 * EXTRACT_VALUE_ERROR and gives undefined.
 */
export function stringAttributeOrIncident(ctx: ProcessingContext, el: Element, text: string): string | undefined {
  if (!isExpression(text)) return text;
  const result = evaluateTyped(text, 'STRING', ctx.state.visibleVariables(el.inst.key), ctx.now);
  if (result.ok) return result.value;
  raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
  return undefined;
}
