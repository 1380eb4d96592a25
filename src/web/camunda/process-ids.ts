import { type CamundaPort } from './port';

/** The ids of the deployed processes (latest versions), as the monitoring filter offers them. */
export interface ProcessIds {
  list(): Promise<string[]>;
  /** Forgets the list, so the next request asks the engine again (after a deployment from the web app). */
  invalidate(): void;
}

/**
 * Keeps the list for `ttlMs`: the monitoring page asked the engine for every process definition on each request.
 * Deployments from the web app invalidate it at once; one made elsewhere (Modeler, `npm run deploy`, zbctl) shows
 * up once the list is older than `ttlMs`. Requests arriving while the list is being fetched share that fetch; a
 * failed fetch is not kept.
 */
export function processIds(camunda: CamundaPort, options: { ttlMs: number; now: () => Date }): ProcessIds {
  let cached: { at: number; ids: Promise<string[]> } | undefined;
  const fetchIds = async () => {
    const defs = await camunda.searchProcessDefinitions({ filter: { isLatestVersion: true }, page: { limit: 200 } });
    return [...new Set(defs.items.map((d) => d.processDefinitionId))].sort();
  };
  return {
    list() {
      const at = options.now().getTime();
      if (!cached || at - cached.at >= options.ttlMs || at < cached.at) {
        const entry = { at, ids: fetchIds() };
        entry.ids.catch(() => {
          if (cached === entry) cached = undefined;
        });
        cached = entry;
      }
      return cached.ids;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
