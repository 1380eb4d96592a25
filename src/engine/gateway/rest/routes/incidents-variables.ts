import { Router } from 'express';
import type { Engine } from '../../../api';
import { getOne, keyParam, search } from '../http';
import { incidentSearch } from '../search/specs/incidents';
import { variableSearch } from '../search/specs/variables';

/** `?truncateValues=false` returns full values in searches. */
export const truncateOf = (query: unknown): boolean => (query as Record<string, unknown>).truncateValues !== 'false';

export function incidentAndVariableRoutes(engine: Engine): Router {
  const router = Router();
  const db = () => engine.readDb();

  router.post('/incidents/search', (req, res) => search(db(), incidentSearch, req.body, res));
  router.get('/incidents/:key', (req, res) => {
    res.json(getOne(db(), incidentSearch, 'i.key', keyParam(req, 'key'), 'Incident'));
  });
  router.post('/incidents/:key/resolution', async (req, res) => {
    await engine.resolveIncident(keyParam(req, 'key'));
    res.status(204).end();
  });

  const truncated = variableSearch(true);
  const full = variableSearch(false);
  router.post('/variables/search', (req, res) => search(db(), truncateOf(req.query) ? truncated : full, req.body, res));
  router.get('/variables/:key', (req, res) => {
    res.json(getOne(db(), full, 'v.key', keyParam(req, 'key'), 'Variable'));
  });
  return router;
}
