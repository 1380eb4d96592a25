/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * bpmn-moddle with the Zeebe extensions for the process owners' workspace (lint, compare). bpmn-moddle is an ES
 * module; the require keeps this file loadable under tsx and jest alike.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleElement = Record<string, any> & { $type: string; id?: string };

interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: Array<{ message: string }> }>;
}

let moddle: Moddle | undefined;

export function bpmnModdle(): Moddle {
  if (!moddle) {
    const mod = require('bpmn-moddle') as { BpmnModdle?: new (p: object) => Moddle; default?: new (p: object) => Moddle };
    const Ctor = mod.BpmnModdle ?? mod.default;
    if (!Ctor) throw new Error('bpmn-moddle does not export BpmnModdle');
    moddle = new Ctor({ zeebe: require('zeebe-bpmn-moddle/resources/zeebe.json') as object });
  }
  return moddle;
}

/** Parses BPMN XML; unreadable XML becomes a plain Error with a Chinese message. */
export async function parseBpmn(xml: string): Promise<ModdleElement> {
  try {
    const { rootElement } = await bpmnModdle().fromXML(xml);
    return rootElement;
  } catch (err) {
    throw new Error(`无法解析 BPMN：${(err as Error).message}`, { cause: err });
  }
}
