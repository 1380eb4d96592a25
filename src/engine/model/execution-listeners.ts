import { extension } from './extensions';
import { type ExecutionListenerDefinition } from './graph';
import { type ModdleElement } from './moddle';

/**
 * Reads `zeebe:executionListeners` (Camunda 8 execution listeners). Start listeners run as jobs before the element is
 * processed, one after the other; end listeners, task listeners and listeners where Zeebe allows none (start and
 * boundary events) are refused at deployment, so no listener is ever silently skipped.
 */
export function readStartListeners(element: ModdleElement, error: (message: string) => void): ExecutionListenerDefinition[] | undefined {
  if (extension(element, 'zeebe:TaskListeners')) error('Task listeners are not supported');
  const block = extension(element, 'zeebe:ExecutionListeners');
  if (!block) return undefined;
  const listeners = (block.listeners ?? []) as ModdleElement[];
  const start: ExecutionListenerDefinition[] = [];
  for (const listener of listeners) {
    const eventType = String(listener.eventType ?? '');
    const type = String(listener.type ?? '').trim();
    if (eventType === 'end') {
      error(`Execution listeners of event type 'end' are not supported yet (listener '${type}')`);
      continue;
    }
    if (eventType !== 'start') {
      error(`Expected an execution listener event type 'start' or 'end', but found '${eventType}'`);
      continue;
    }
    if (element.$type === 'bpmn:StartEvent' || element.$type === 'bpmn:BoundaryEvent') {
      error(`Execution listeners of event type 'start' are not supported by ${element.$type === 'bpmn:StartEvent' ? 'start' : 'boundary'} events`);
      continue;
    }
    if (type === '') {
      error('Expected an execution listener with a job type, but it was empty');
      continue;
    }
    if (start.some((l) => l.type === type)) {
      error(`Found element with duplicated execution listener definitions: event type 'start' and type '${type}'`);
      continue;
    }
    const headers: Record<string, string> = {};
    for (const header of (listener.headers?.values ?? []) as ModdleElement[]) {
      if (header.key !== undefined) headers[String(header.key)] = String(header.value ?? '');
    }
    start.push({ type, retries: String(listener.retries ?? '').trim() || '3', headers });
  }
  return start.length > 0 ? start : undefined;
}
