import { Router } from 'express';
import type { Engine } from '../../../engine/api';
import { found, keyParam, searched } from '../http';

/** `?truncateValues=false` returns full values in searches. */
export const truncateOf = (query: unknown): boolean => (query as Record<string, unknown>).truncateValues !== 'false';

export function incidentAndVariableRoutes(engine: Engine): Router {
  const router = Router();
  const reads = () => engine.readModel();

  router.post('/incidents/search', (req, res) => {
    res.json(searched(() => reads().searchIncidents(req.body)));
  });
  router.get('/incidents/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getIncident(key), 'Incident', key));
  });
  router.post('/incidents/:key/resolution', async (req, res) => {
    await engine.resolveIncident(keyParam(req, 'key'));
    res.status(204).end();
  });

  router.post('/variables/search', (req, res) => {
    res.json(searched(() => reads().searchVariables(req.body, { truncateValues: truncateOf(req.query) })));
  });
  router.get('/variables/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getVariable(key), 'Variable', key));
  });
  return router;
}
