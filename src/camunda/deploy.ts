import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Camunda8 } from '@camunda8/sdk';

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
  deploymentKey: string;
  lines: string[];
}

/**
 * Deploys the files in one atomic deployment through the REST client. Unchanged resources keep their version
 * (the engine's duplicate detection), so deploying again at every start is harmless.
 */
export async function deployFiles(camunda: Camunda8, files: string[]): Promise<DeploymentSummary> {
  const result = await camunda.getOrchestrationClusterApiClientLoose().deployResourcesFromFiles(files);
  return {
    deploymentKey: String(result.deploymentKey),
    lines: [
      ...result.processes.map((p) => `process  ${p.processDefinitionId} version ${p.processDefinitionVersion}`),
      ...result.decisions.map((d) => `decision ${d.decisionDefinitionId} version ${d.version}`),
      ...result.forms.map((f) => `form     ${f.formId} version ${f.version}`),
    ],
  };
}

/** The engine's own words for a rejected deployment (its RFC 9457 problem detail when there is one). */
export function rejectionText(err: unknown): string {
  const e = err as { message?: string; detail?: string; body?: unknown; response?: { data?: unknown } };
  const problem = (e.body ?? e.response?.data) as { title?: string; detail?: string } | string | undefined;
  const detail = typeof problem === 'string' ? problem : (problem?.detail ?? e.detail);
  return [e.message, detail].filter(Boolean).join('\n');
}
