declare module 'bpmn-auto-layout' {
  /** Adds BPMN diagram interchange (shapes, edges, labels) to a process without layout. */
  export function layoutProcess(xml: string): Promise<string>;
}
