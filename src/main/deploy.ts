// `npm run deploy`: deploys processes/ (BPMN, DMN) and forms/ to the configured engine (embedded or Camunda 8)
// through the official REST client in one atomic deployment, and prints the deployed versions.
// Optional arguments: the directories to deploy (default: processes forms).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { loadConfigOrExit } from '../config';

const resourcePattern = /\.(bpmn|dmn|form)$/;

const resourceFiles = (dirs: string[]): string[] =>
  dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => resourcePattern.test(f))
      .sort()
      .map((f) => join(dir, f)),
  );

/** The engine's own words for a rejected deployment (RFC 9457 problem detail when there is one). */
const rejectionText = (err: unknown): string => {
  const e = err as { message?: string; detail?: string; body?: unknown; response?: { data?: unknown } };
  const problem = (e.body ?? e.response?.data) as { title?: string; detail?: string } | string | undefined;
  const detail = typeof problem === 'string' ? problem : (problem?.detail ?? e.detail);
  return [e.message, detail].filter(Boolean).join('\n');
};

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const args = process.argv.slice(2);
  const dirs = (args.length ? args : ['processes', 'forms']).map((d) => resolve(d));
  const files = resourceFiles(dirs);
  if (!files.length) {
    console.error(`nothing to deploy in ${dirs.join(', ')}`);
    process.exit(2);
  }
  const camunda = new Camunda8({
    ZEEBE_REST_ADDRESS: config.ZEEBE_REST_ADDRESS,
    ZEEBE_GRPC_ADDRESS: config.ZEEBE_GRPC_ADDRESS,
    CAMUNDA_AUTH_STRATEGY: config.CAMUNDA_AUTH_STRATEGY,
    CAMUNDA_BASIC_AUTH_USERNAME: config.CAMUNDA_BASIC_AUTH_USERNAME,
    CAMUNDA_BASIC_AUTH_PASSWORD: config.CAMUNDA_BASIC_AUTH_PASSWORD,
    CAMUNDA_OAUTH_TOKEN: config.CAMUNDA_OAUTH_TOKEN,
    CAMUNDA_TENANT_ID: config.CAMUNDA_TENANT_ID,
  });
  const client = camunda.getOrchestrationClusterApiClientLoose();
  console.log(`deploying ${files.length} resources to ${config.ZEEBE_REST_ADDRESS}`);
  try {
    const result = await client.deployResourcesFromFiles(files);
    console.log(`deployment ${result.deploymentKey}`);
    for (const p of result.processes) console.log(`  process  ${p.processDefinitionId} version ${p.processDefinitionVersion}`);
    for (const d of result.decisions) console.log(`  decision ${d.decisionDefinitionId} version ${d.version}`);
    for (const f of result.forms) console.log(`  form     ${f.formId} version ${f.version}`);
  } catch (err) {
    console.error(`deployment rejected:\n${rejectionText(err)}`);
    process.exitCode = 1;
  } finally {
    await camunda.closeAllClients?.();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
