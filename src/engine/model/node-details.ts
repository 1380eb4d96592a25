import { type BpmnElementType, type BpmnEventType } from '../api';
import { body, extension, extensions, text } from './extensions';
import { type Mapping, type MessageDefinition, type TimerDefinition, type UserTaskDefinition } from './graph';
import { type ModdleElement } from './moddle';

/** Reads the type-specific details of one moddle flow element; problems go to `error`. */

export const ELEMENT_TYPES: Record<string, BpmnElementType> = {
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

/** Flow elements without execution semantics. */
export const IGNORED_TYPES = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:Association', 'bpmn:TextAnnotation', 'bpmn:Group']);

const EVENT_TYPES: Record<string, BpmnEventType> = {
  'bpmn:TimerEventDefinition': 'TIMER',
  'bpmn:MessageEventDefinition': 'MESSAGE',
  'bpmn:ErrorEventDefinition': 'ERROR',
  'bpmn:SignalEventDefinition': 'SIGNAL',
  'bpmn:EscalationEventDefinition': 'ESCALATION',
  'bpmn:TerminateEventDefinition': 'TERMINATE',
  'bpmn:LinkEventDefinition': 'LINK',
  'bpmn:CompensateEventDefinition': 'COMPENSATION',
  'bpmn:ConditionalEventDefinition': 'CONDITIONAL',
};

export function eventType(element: ModdleElement, error: (message: string) => void): { type: BpmnEventType; definition?: ModdleElement } {
  const definitions = (element.eventDefinitions ?? []) as ModdleElement[];
  if (definitions.length > 1) error('Must have at most one event definition');
  const definition = definitions[0];
  if (!definition) return { type: element.$type.endsWith('Event') ? 'NONE' : 'UNSPECIFIED' };
  const type = EVENT_TYPES[definition.$type];
  if (!type) {
    error(`Event definition of type '${definition.$type}' is not supported`);
    return { type: 'UNSPECIFIED' };
  }
  return { type, definition };
}

export function mappings(element: ModdleElement): { inputs: Mapping[]; outputs: Mapping[] } {
  const io = extension(element, 'zeebe:IoMapping');
  const read = (list: ModdleElement[] | undefined): Mapping[] =>
    (list ?? []).map((p) => ({ source: text(p.source) ?? '', target: text(p.target) ?? '' }));
  return { inputs: read(io?.inputParameters), outputs: read(io?.outputParameters) };
}

export function taskHeaders(element: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const block of extensions(element, 'zeebe:TaskHeaders')) {
    for (const header of (block.values ?? []) as ModdleElement[]) {
      if (header.key !== undefined) headers[String(header.key)] = String(header.value ?? '');
    }
  }
  return headers;
}

export function timerDefinition(definition: ModdleElement, error: (message: string) => void): TimerDefinition | undefined {
  const candidates: [TimerDefinition['kind'], ModdleElement | undefined][] = [
    ['duration', definition.timeDuration],
    ['date', definition.timeDate],
    ['cycle', definition.timeCycle],
  ];
  const present = candidates.filter(([, expr]) => expr !== undefined);
  if (present.length !== 1) {
    error('Must have exactly one type of timer: timeDuration, timeDate or timeCycle');
    return undefined;
  }
  const [kind, expr] = present[0];
  const value = body(expr) ?? '';
  if (value === '') error(`Expected a valid timer ${kind}, but it was empty`);
  return { kind, expression: value };
}

export function messageDefinition(messageRef: ModdleElement | undefined, error: (message: string) => void): MessageDefinition | undefined {
  if (!messageRef) {
    error('Must reference a message');
    return undefined;
  }
  const name = text(messageRef.name);
  if (!name) {
    error('Must have a message name');
    return undefined;
  }
  const subscription = extension(messageRef, 'zeebe:Subscription');
  return { name, correlationKey: text(subscription?.correlationKey) };
}

export function userTaskDefinition(element: ModdleElement): UserTaskDefinition {
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const priority = extension(element, 'zeebe:PriorityDefinition');
  const form = extension(element, 'zeebe:FormDefinition');
  return {
    assignee: text(assignment?.assignee),
    candidateUsers: text(assignment?.candidateUsers),
    candidateGroups: text(assignment?.candidateGroups),
    dueDate: text(schedule?.dueDate),
    followUpDate: text(schedule?.followUpDate),
    priority: text(priority?.priority),
    formId: text(form?.formId),
    formBindingType: text(form?.bindingType),
    formVersionTag: text(form?.versionTag),
    externalFormReference: text(form?.externalReference),
    formKey: text(form?.formKey),
  };
}
