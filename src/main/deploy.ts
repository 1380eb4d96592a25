// `npm run deploy [dir …]`: deploys processes/ (BPMN, DMN) and forms/ — or the folders given — to the configured
// engine (embedded or Camunda 8) in one atomic deployment through the official REST client, and prints the versions.
// Diagrams the engine already holds are left out (a newer version deployed from the web workspace stays the
// latest); an unreachable engine is tried again with growing pauses (DEPLOY_ATTEMPTS).
import { resolve } from 'node:path';
import { createCamunda } from '../camunda/client';
import { deployNewResources, isRejection, rejectionText, resourceFiles, withRetry } from '../camunda/deploy';
import { loadConfigOrExit } from '../config';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const args = process.argv.slice(2);
  const dirs = (args.length ? args : ['processes', 'forms']).map((d) => resolve(d));
  const files = resourceFiles(dirs);
  if (!files.length) {
    console.error(`nothing to deploy in ${dirs.join(', ')}`);
    process.exit(2);
  }
  const camunda = createCamunda(config);
  console.log(`deploying ${files.length} resources to ${config.ZEEBE_REST_ADDRESS}`);
  try {
    const deployment = await withRetry(() => deployNewResources(camunda, files), {
      attempts: config.DEPLOY_ATTEMPTS,
      firstDelayMs: 1000,
      maxDelayMs: 30_000,
      onRetry: (err, attempt, delayMs) =>
        console.error(`attempt ${attempt} of ${config.DEPLOY_ATTEMPTS} failed (${(err as Error).message}); trying again in ${delayMs / 1000} s`),
    });
    console.log(deployment.deploymentKey ? `deployment ${deployment.deploymentKey}` : 'nothing new to deploy');
    for (const line of deployment.lines) console.log(`  ${line}`);
  } catch (err) {
    // the engine refused the resources (named with its reason), or could not be reached after every attempt
    console.error(`${isRejection(err) ? 'deployment rejected' : 'deployment failed'}:\n${rejectionText(err)}`);
    process.exitCode = 1;
  } finally {
    await camunda.closeAllClients?.();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
