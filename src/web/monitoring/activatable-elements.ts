import { type ModdleElement, parseBpmn } from '../processes/moddle';

export interface ActivatableElement {
  id: string;
  name: string;
  /** The enclosing sub-process names, outermost first, so that equal names inside sub-processes stay apart. */
  path: string[];
}

/** Zeebe cannot activate these by modification (nor flows, data objects, lanes …, which are no flow nodes). */
const NOT_ACTIVATABLE = new Set(['bpmn:StartEvent', 'bpmn:BoundaryEvent', 'bpmn:SequenceFlow']);
const FLOW_NODE_TYPES = /^bpmn:(\w*Task|\w*SubProcess|Transaction|CallActivity|\w*Event|\w*Gateway)$/;

/** Targets of flows leaving an event-based gateway (from the flows: a diagram need not list a node's incoming). */
function afterEventGateways(container: ModdleElement): Set<string> {
  const flows = ((container.flowElements ?? []) as ModdleElement[]).filter((el) => el.$type === 'bpmn:SequenceFlow');
  return new Set(flows.filter((f) => f.sourceRef?.$type === 'bpmn:EventBasedGateway').map((f) => f.targetRef?.id as string));
}

/** The elements of process `processId` that a modification may activate, in diagram order. */
export async function activatableElements(xml: string, processId: string): Promise<ActivatableElement[]> {
  const root = await parseBpmn(xml);
  const out: ActivatableElement[] = [];
  const visit = (container: ModdleElement, path: string[]) => {
    const gatewayEvents = afterEventGateways(container);
    for (const el of (container.flowElements ?? []) as ModdleElement[]) {
      if (!el.id || !FLOW_NODE_TYPES.test(el.$type)) continue;
      if (!NOT_ACTIVATABLE.has(el.$type) && !gatewayEvents.has(el.id)) out.push({ id: el.id, name: el.name ?? '', path });
      if (el.flowElements) visit(el, [...path, el.name || el.id]);
    }
  };
  for (const el of (root.rootElements ?? []) as ModdleElement[]) if (el.$type === 'bpmn:Process' && el.id === processId) visit(el, []);
  return out;
}
