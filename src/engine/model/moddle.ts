/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Loads bpmn-moddle with the Zeebe extensions. bpmn-moddle is an ES module exporting `BpmnModdle` by name; the
 * require keeps this file CommonJS-compatible under tsx (require of ESM) and jest (transformed to CommonJS).
 */

/** The loosely typed moddle element tree; the transformer reads it defensively. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleElement = Record<string, any> & { $type: string; id?: string };

interface ParseResult {
  rootElement: ModdleElement;
  warnings: { message: string }[];
}

interface BpmnModdleInstance {
  fromXML(xml: string, type?: string): Promise<ParseResult>;
}

type BpmnModdleCtor = new (packages: Record<string, unknown>) => BpmnModdleInstance;

let instance: BpmnModdleInstance | undefined;

export function bpmnModdle(): BpmnModdleInstance {
  if (!instance) {
    const mod = require('bpmn-moddle') as { BpmnModdle?: BpmnModdleCtor; default?: BpmnModdleCtor };
    const Ctor = mod.BpmnModdle ?? mod.default;
    if (!Ctor) throw new Error('bpmn-moddle does not export BpmnModdle');
    const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;
    instance = new Ctor({ zeebe });
  }
  return instance;
}
