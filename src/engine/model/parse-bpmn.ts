import { type ProcessGraph } from './graph';
import { bpmnModdle, type ModdleElement } from './moddle';
import { type ElementError, transformProcess } from './transform-process';
import { validateGraph } from './validate';
import { validateExpressions } from './validate-expressions';
import { validateExtendedGraph } from './validate-extended';
import { withMultiInstanceBodies } from './multi-instance-body';

export interface ParsedBpmn {
  processes: ProcessGraph[];
  /** Problems found, formatted per Zeebe ('Element: <id>' and '- ERROR: <text>' lines); empty when valid. */
  errors: string[];
}

/** Parses and validates a BPMN resource; never throws on bad input. */
export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  let root: ModdleElement;
  try {
    const result = await bpmnModdle().fromXML(xml);
    root = result.rootElement;
    const fatal = result.warnings.find((w) => /unparsable|unexpected|not closed|missing/i.test(w.message));
    if (fatal) return { processes: [], errors: [`Failed to parse the BPMN XML: ${fatal.message}`] };
  } catch (e) {
    return { processes: [], errors: [`Failed to parse the BPMN XML: ${(e as Error).message}`] };
  }
  if (root?.$type !== 'bpmn:Definitions') return { processes: [], errors: ['Expected a bpmn:definitions root element'] };
  const processes: ProcessGraph[] = [];
  const elementErrors: ElementError[] = [];
  for (const element of (root.rootElements ?? []) as ModdleElement[]) {
    if (element.$type !== 'bpmn:Process' || element.isExecutable !== true) continue;
    const graph = transformProcess(element, elementErrors);
    validateGraph(graph, elementErrors);
    validateExpressions(graph, elementErrors);
    validateExtendedGraph(graph, elementErrors);
    processes.push(withMultiInstanceBodies(graph));
  }
  if (processes.length === 0 && elementErrors.length === 0) {
    return { processes, errors: ['Must contain at least one executable process'] };
  }
  return { processes, errors: elementErrors.map((e) => `- Element: ${e.elementId}\n    - ERROR: ${e.message}`) };
}
