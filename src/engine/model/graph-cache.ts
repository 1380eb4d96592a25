import { type ProcessDefinition } from '../state/types';
import { type GraphResolver } from '../state/engine-state';
import { type ProcessGraph } from './graph';
import { parseBpmn } from './parse-bpmn';

/** Parsed graphs of deployed resources, keyed by resource checksum and process id (parsing is async). */
export class GraphCache implements GraphResolver {
  private readonly graphs = new Map<string, ProcessGraph>();

  put(checksum: string, graph: ProcessGraph): void {
    this.graphs.set(`${checksum}/${graph.bpmnProcessId}`, graph);
  }

  resolve(definition: ProcessDefinition): ProcessGraph {
    const graph = this.graphs.get(`${definition.checksum}/${definition.bpmnProcessId}`);
    if (!graph) throw new Error(`Process definition '${definition.key}' was not parsed before use`);
    return graph;
  }

  /** Parses a stored resource again (recovery); deployed resources are valid, so errors mean corruption. */
  async load(checksum: string, resource: string): Promise<void> {
    if ([...this.graphs.keys()].some((k) => k.startsWith(`${checksum}/`))) return;
    const parsed = await parseBpmn(resource);
    if (parsed.errors.length > 0) throw new Error(`Stored resource ${checksum} no longer parses: ${parsed.errors.join('; ')}`);
    for (const graph of parsed.processes) this.put(checksum, graph);
  }

  clear(): void {
    this.graphs.clear();
  }
}
