import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Camunda8 } from '@camunda8/sdk';
import { ANSWER_NOW } from './answer-now';

const resourcePattern = /\.(bpmn|dmn|form)$/;

/** The deployable files (BPMN, DMN, forms) of the given folders, in a stable order. */
export function resourceFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => resourcePattern.test(f))
      .sort()
      .map((f) => join(dir, f)),
  );
}

export interface DeploymentSummary {
  /** Undefined when every file was already held by the engine and nothing was deployed. */
  deploymentKey?: string;
  lines: string[];
  /** Diagrams left out because the engine already holds their content (in any version). */
  held: string[];
}

// Searches read Camunda's secondary storage; the deploy command takes what it finds now (nothing waits).
const PAGE = 100;

/**
 * True when the engine holds this diagram's exact content in some version of a resource with the file's name.
 * Diagrams are the only resources the web workspace deploys (流程管理); a diagram the engine already holds was
 * deployed before — by the repository or the workspace — and deploying it again would make the repository's copy
 * the latest version over a newer one from the workspace.
 */
async function engineHolds(camunda: Camunda8, file: string, content: string): Promise<boolean> {
  const client = camunda.getOrchestrationClusterApiClient();
  for (let from = 0; ; from += PAGE) {
    const page = await client.searchProcessDefinitions(
      { filter: { resourceName: basename(file) }, sort: [{ field: 'version', order: 'DESC' }], page: { from, limit: PAGE } },
      ANSWER_NOW,
    );
    const items = page.items ?? [];
    for (const { processDefinitionKey } of items) {
      if (!processDefinitionKey) continue;
      const xml = await client.getProcessDefinitionXml({ processDefinitionKey }, ANSWER_NOW);
      if (String(xml) === content) return true;
    }
    if (items.length < PAGE) return false;
  }
}

/**
 * Deploys, in one atomic deployment, the files whose content the engine does not hold yet. Diagrams the engine
 * already holds are left out, so a restart, `npm start` or the deploy job never reverts a diagram deployed later
 * from the web workspace; a diagram changed in the repository is deployed as a new version. Decisions and forms
 * (not deployed from the workspace) always go along: the engine keeps the version of an unchanged one.
 */
export async function deployNewResources(camunda: Camunda8, files: string[]): Promise<DeploymentSummary> {
  const send: string[] = [];
  const held: string[] = [];
  for (const file of files) {
    if (file.endsWith('.bpmn') && (await engineHolds(camunda, file, readFileSync(file, 'utf8')))) held.push(file);
    else send.push(file);
  }
  const lines = held.map((f) => `held     ${basename(f)} (the engine has this content; its latest version stays)`);
  if (!send.length) return { lines, held };
  const result = await camunda.getOrchestrationClusterApiClient().deployResourcesFromFiles(send);
  return {
    deploymentKey: String(result.deploymentKey),
    held,
    lines: [
      ...result.processes.map((p) => `process  ${p.processDefinitionId} version ${p.processDefinitionVersion}`),
      ...result.decisions.map((d) => `decision ${d.decisionDefinitionId} version ${d.version}`),
      ...result.forms.map((f) => `form     ${f.formId} version ${f.version}`),
      ...lines,
    ],
  };
}

/** A refusal the engine will repeat (4xx: a rejected diagram, bad credentials), as opposed to an outage. */
export function isRejection(err: unknown): boolean {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export interface RetryOptions {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `attempt` until it succeeds, doubling the pause after each outage; a rejection is not retried. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= options.attempts || isRejection(err)) throw err;
      const delayMs = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** (n - 1));
      options.onRetry?.(err, n, delayMs);
      await sleep(delayMs);
    }
  }
}

/** The engine's own words for a rejected deployment (its RFC 9457 problem detail when there is one). */
export function rejectionText(err: unknown): string {
  const e = err as { message?: string; detail?: string; body?: unknown; response?: { data?: unknown } };
  const problem = (e.body ?? e.response?.data) as { title?: string; detail?: string } | string | undefined;
  const detail = typeof problem === 'string' ? problem : (problem?.detail ?? e.detail);
  return [e.message, detail].filter(Boolean).join('\n');
}
