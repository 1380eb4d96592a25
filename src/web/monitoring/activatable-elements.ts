import { type ModdleElement, parseBpmn } from '../processes/moddle';

export interface ActivatableElement {
  id: string;
  name: string;
  /** The enclosing sub-process names, outermost first, so that equal names inside sub-processes stay apart. */
  path: string[];
}

/** Zeebe cannot activate these by modification (nor flows, data objects, lanes …, which are no flow nodes). */
const NOT_ACTIVATABLE = new Set(['bpmn:StartEvent', 'bpmn:BoundaryEvent', 'bpmn:SequenceFlow']);
const FLOW_NODE_TYPES = /^bpmn:(\w*Task|SubProcess|Transaction|CallActivity|\w*Event|\w*Gateway)$/;

function isAfterEventGateway(node: ModdleElement): boolean {
  return node.$type === 'bpmn:IntermediateCatchEvent'
    && ((node.incoming ?? []) as ModdleElement[]).some((flow) => flow.sourceRef?.$type === 'bpmn:EventBasedGateway');
}

/** The elements of process `processId` that a modification may activate, in diagram order. */
export async function activatableElements(xml: string, processId: string): Promise<ActivatableElement[]> {
  const root = await parseBpmn(xml);
  const out: ActivatableElement[] = [];
  const visit = (container: ModdleElement, path: string[]) => {
    for (const el of (container.flowElements ?? []) as ModdleElement[]) {
      if (!el.id || !FLOW_NODE_TYPES.test(el.$type)) continue;
      if (!NOT_ACTIVATABLE.has(el.$type) && !isAfterEventGateway(el)) out.push({ id: el.id, name: el.name ?? '', path });
      if (el.flowElements) visit(el, [...path, el.name || el.id]);
    }
  };
  for (const el of (root.rootElements ?? []) as ModdleElement[]) if (el.$type === 'bpmn:Process' && el.id === processId) visit(el, []);
  return out;
}
