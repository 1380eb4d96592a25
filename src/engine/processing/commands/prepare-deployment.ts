import { createHash } from 'node:crypto';
import { type DeploymentResource } from '../../api';
import { type ProcessGraph } from '../../model/graph';
import { parseBpmn } from '../../model/parse-bpmn';
import { duplicateDecisionIds, type PreparedDmn, prepareDmn } from './prepare-dmn';

export interface PreparedBpmn {
  kind: 'bpmn';
  name: string;
  checksum: string;
  content: string;
  processes: ProcessGraph[];
}

export interface PreparedForm {
  kind: 'form';
  name: string;
  checksum: string;
  content: string;
  formId: string;
  versionTag: string;
}

export type PreparedResource = PreparedBpmn | PreparedForm | PreparedDmn;

export interface PreparedDeployment {
  resources: PreparedResource[];
  /** Per-resource problems; any problem rejects the whole deployment. */
  errors: string[];
}

const checksumOf = (content: Buffer): string => createHash('md5').update(content).digest('hex');

/** Largest deployment (all resources together), the size of the largest record the log takes, as in Zeebe. */
export const MAX_DEPLOYMENT_BYTES = 4 * 1024 * 1024;

/**
 * Most XML elements in the diagrams and decisions of one deployment. Parsing costs about 60 µs per element on the
 * event loop; all of the district's diagrams together hold fewer than 5,000.
 */
export const MAX_DEPLOYMENT_ELEMENTS = 25_000;

const LESS_THAN = 0x3c;

/** Opening tags of an XML text: `<` followed by a letter (no closing tags, comments or declarations). */
function elementCount(content: Buffer): number {
  let count = 0;
  for (let i = content.indexOf(LESS_THAN); i !== -1 && i < content.length - 1; i = content.indexOf(LESS_THAN, i + 1)) {
    const next = content[i + 1] | 0x20;
    if (next >= 0x61 && next <= 0x7a) count += 1;
  }
  return count;
}

/** XML elements in the diagrams and decisions of a deployment: a byte scan, cheap enough for the event loop. */
export function deploymentElements(resources: DeploymentResource[]): number {
  return resources.filter((r) => /\.(bpmn|xml|dmn)$/i.test(r.name)).reduce((sum, r) => sum + elementCount(r.content), 0);
}

/** Why a deployment is refused before anything is parsed: beyond MAX_DEPLOYMENT_BYTES or MAX_DEPLOYMENT_ELEMENTS, or empty. */
export function deploymentRefusal(resources: DeploymentResource[]): string | undefined {
  if (resources.length === 0) return 'Expected to deploy at least one resource, but none given';
  const bytes = resources.reduce((sum, resource) => sum + resource.content.length, 0);
  if (bytes > MAX_DEPLOYMENT_BYTES) return `Expected the resources to take at most ${MAX_DEPLOYMENT_BYTES} bytes together, but they took ${bytes}`;
  const elements = deploymentElements(resources);
  if (elements > MAX_DEPLOYMENT_ELEMENTS) {
    return `Expected the diagrams and decisions to hold at most ${MAX_DEPLOYMENT_ELEMENTS} XML elements together, but they held ${elements}`;
  }
  return undefined;
}

/** This module's path: the deployment thread loads it to call prepareDeployment. */
export const PREPARE_DEPLOYMENT_MODULE = __filename;

/**
 * Parses and validates every resource of a deployment (the work done before the command is queued; a large
 * deployment on the deployment thread). Contents may arrive as plain Uint8Arrays (a Buffer passed to a thread loses its class).
 */
export async function prepareDeployment(resources: DeploymentResource[]): Promise<PreparedDeployment> {
  const prepared: PreparedResource[] = [];
  const errors: string[] = [];
  const refusal = deploymentRefusal(resources);
  if (refusal) return { resources: [], errors: [refusal] };
  for (const resource of resources) {
    const name = resource.name;
    const bytes = Buffer.from(resource.content.buffer, resource.content.byteOffset, resource.content.byteLength);
    const content = bytes.toString('utf8');
    const checksum = checksumOf(bytes);
    if (/\.(bpmn|xml)$/i.test(name)) {
      const parsed = await parseBpmn(content);
      if (parsed.errors.length > 0) errors.push(`'${name}': ${parsed.errors.join('\n')}`);
      else prepared.push({ kind: 'bpmn', name, checksum, content, processes: parsed.processes });
    } else if (/\.form$/i.test(name)) {
      const form = parseForm(content);
      if (typeof form === 'string') errors.push(`'${name}': ${form}`);
      else prepared.push({ kind: 'form', name, checksum, content, ...form });
    } else if (/\.dmn$/i.test(name)) {
      const parsed = await prepareDmn(name, checksum, content);
      if (typeof parsed === 'string') errors.push(parsed);
      else prepared.push(parsed);
    } else {
      errors.push(`'${name}': Expected the resource to be a BPMN (.bpmn, .xml), DMN (.dmn) or form (.form) file`);
    }
  }
  errors.push(...duplicateDecisionIds(prepared));
  const seen = new Map<string, string>();
  for (const r of prepared) {
    if (r.kind === 'dmn') continue;
    const ids = r.kind === 'bpmn' ? r.processes.map((p) => `process:${p.bpmnProcessId}`) : [`form:${r.formId}`];
    for (const id of ids) {
      const other = seen.get(id);
      if (other && r.kind === 'bpmn') errors.push(`Duplicated process id in resources '${other}' and '${r.name}'`);
      else if (other) errors.push(`Duplicated form id in resources '${other}' and '${r.name}'`);
      seen.set(id, r.name);
    }
  }
  return { resources: prepared, errors };
}

function parseForm(content: string): { formId: string; versionTag: string } | string {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    return `Failed to parse the form JSON: ${(e as Error).message}`;
  }
  const form = json as { id?: unknown; versionTag?: unknown };
  if (typeof json !== 'object' || json === null || typeof form.id !== 'string' || form.id.trim() === '') {
    return "Expected the form to have an 'id' property, but none was found";
  }
  return { formId: form.id, versionTag: typeof form.versionTag === 'string' ? form.versionTag : '' };
}
