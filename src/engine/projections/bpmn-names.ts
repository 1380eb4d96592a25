/**
 * Element names and the start form of a process, read from the deployed XML with plain patterns: projections run
 * synchronously inside the engine's transaction, where the asynchronous moddle parser cannot be used.
 */
const ELEMENT = /<(?:[\w-]+:)?(\w+)\b([^>]*?)\/?>/g;
const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** id → name of every named element in the XML. */
export function elementNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of xml.matchAll(ELEMENT)) {
    const attributes = match[2];
    const id = ATTRIBUTE('id').exec(attributes)?.[1];
    const name = ATTRIBUTE('name').exec(attributes)?.[1];
    if (id && name !== undefined && !names.has(id)) names.set(id, decodeXml(name));
  }
  return names;
}

/** The formId linked to a start event of the given process, if any. */
export function startFormId(xml: string, bpmnProcessId: string): string | undefined {
  const processStart = xml.search(new RegExp(`<(?:[\\w-]+:)?process\\b[^>]*\\sid="${escapeRegExp(bpmnProcessId)}"`));
  if (processStart < 0) return undefined;
  const processXml = xml.slice(processStart);
  const end = processXml.search(/<\/(?:[\w-]+:)?process>/);
  const body = end < 0 ? processXml : processXml.slice(0, end);
  for (const start of body.matchAll(/<(?:[\w-]+:)?startEvent\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?startEvent>)/g)) {
    const formId = /<(?:[\w-]+:)?formDefinition\b[^>]*\sformId="([^"]+)"/.exec(start[1] ?? '')?.[1];
    if (formId) return decodeXml(formId);
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
