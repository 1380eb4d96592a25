import { type CamundaPort } from './port';

/** A deployed process as the monitoring filter offers it: chosen by its name, filtered by its id. */
export interface DeployedProcess {
  id: string;
  name?: string;
}

/** The deployed processes (latest versions), as the monitoring filter offers them. */
export interface ProcessIds {
  list(): Promise<DeployedProcess[]>;
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
  let cached: { at: number; ids: Promise<DeployedProcess[]> } | undefined;
  const fetchIds = async () => {
    const defs = await camunda.searchProcessDefinitions({ filter: { isLatestVersion: true }, page: { limit: 200 } });
    const byId = new Map(defs.items.map((d) => [d.processDefinitionId, { id: d.processDefinitionId, name: d.name || undefined }]));
    return [...byId.values()].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'zh') || a.id.localeCompare(b.id));
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
