import { type ModdleElement, parseBpmn } from '../processes/moddle';

/** Where one process waits for one message: what must be active in an instance for the message to be received. */
export interface MessageReceivers {
  /** Element ids: while one of them is active, the instance has an open subscription for the message. */
  waitingIn: string[];
  /** A process-level event sub-process starts on it: every running instance can receive it. */
  wholeProcess: boolean;
  /** A message start event: the message starts a new instance. */
  starts: boolean;
  /** The variable the subscription's correlation key reads (`=inspectionId`); undefined for any other expression. */
  correlationVariable?: string;
}

const NONE: MessageReceivers = { waitingIn: [], wholeProcess: false, starts: false };

const messageRefOf = (el: ModdleElement): string | undefined =>
  el.$type === 'bpmn:ReceiveTask'
    ? el.messageRef?.id
    : ((el.eventDefinitions ?? []) as ModdleElement[]).find((d) => d.$type === 'bpmn:MessageEventDefinition')?.messageRef?.id;

/** The event-based gateway in front of an element, if a flow leads to it from one. */
function gatewayBefore(container: ModdleElement, id: string): string | undefined {
  const flows = ((container.flowElements ?? []) as ModdleElement[]).filter((el) => el.$type === 'bpmn:SequenceFlow');
  return flows.find((f) => f.targetRef?.id === id && f.sourceRef?.$type === 'bpmn:EventBasedGateway')?.sourceRef?.id;
}

/**
 * Reads from a deployed diagram where process `processId` can receive message `messageName`: receive tasks and
 * catch events (or the event-based gateway in front of them), the activities boundary events are attached to, the
 * scopes of event sub-processes, and message start events.
 */
export async function messageReceivers(xml: string, processId: string, messageName: string): Promise<MessageReceivers> {
  const root = await parseBpmn(xml);
  const rootElements = (root.rootElements ?? []) as ModdleElement[];
  const messages = rootElements.filter((el) => el.$type === 'bpmn:Message' && el.name === messageName);
  if (messages.length === 0) return NONE;
  const ids = new Set(messages.map((m) => m.id as string));
  const subscription = ((messages[0].extensionElements?.values ?? []) as ModdleElement[]).find((v) => v.$type === 'zeebe:Subscription');
  const variable = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(String(subscription?.correlationKey ?? ''))?.[1];
  const found: MessageReceivers = { waitingIn: [], wholeProcess: false, starts: false, correlationVariable: variable };

  const visit = (container: ModdleElement, isProcess: boolean) => {
    for (const el of (container.flowElements ?? []) as ModdleElement[]) {
      const ref = messageRefOf(el);
      if (ref && ids.has(ref)) {
        if (el.$type === 'bpmn:BoundaryEvent') found.waitingIn.push(el.attachedToRef?.id as string);
        else if (el.$type === 'bpmn:StartEvent') {
          if (container.triggeredByEvent) {
            // an event sub-process listens while the scope around it is active
            const scope = container.$parent as ModdleElement;
            if (scope.$type === 'bpmn:Process') found.wholeProcess = true;
            else found.waitingIn.push(scope.id as string);
          } else if (isProcess) found.starts = true;
        } else found.waitingIn.push(gatewayBefore(container, el.id as string) ?? (el.id as string));
      }
      if (el.flowElements) visit(el, false);
    }
  };
  for (const process of rootElements) if (process.$type === 'bpmn:Process' && process.id === processId) visit(process, true);
  return { ...found, waitingIn: [...new Set(found.waitingIn)] };
}
