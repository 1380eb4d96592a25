import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../engine/api';
import { problem } from '../../shared/errors';
import { int64, parse } from '../http';

export interface ClusterInfo {
  host: string;
  grpcPort: () => number;
  /** ENGINE_CLOCK_CONTROLLED: the clock endpoints work only then. */
  clockControlled: boolean;
}

export function clusterRoutes(engine: Engine, info: ClusterInfo): Router {
  const router = Router();
  router.get('/topology', (_req, res) => {
    const healthy = engine.health().status === 'UP';
    res.json({
      brokers: [
        {
          nodeId: 0,
          host: info.host,
          port: info.grpcPort(),
          version: '8.8.0',
          partitions: [{ partitionId: 1, role: 'leader', health: healthy ? 'healthy' : 'unhealthy' }],
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
      lastCompletedChangeId: '-1',
    });
  });
  router.get('/status', (_req, res) => {
    res.status(engine.health().status === 'UP' ? 204 : 503).end();
  });
  router.get('/license', (_req, res) => {
    res.json({ validLicense: false, licenseType: 'unknown', isCommercial: false, expiresAt: null });
  });

  const requireControlledClock = (res: Parameters<Parameters<typeof router.put>[1]>[1]): boolean => {
    if (info.clockControlled) return true;
    res
      .status(403)
      .type('application/problem+json')
      .json(problem(403, 'FORBIDDEN', 'The clock can only be changed when the engine runs with ENGINE_CLOCK_CONTROLLED=true'));
    return false;
  };
  router.put('/clock', (req, res) => {
    if (!requireControlledClock(res)) return;
    const body = parse(z.strictObject({ timestamp: int64(0, 'expected an epoch timestamp in ms') }), req.body);
    engine.clock.pin(body.timestamp);
    res.status(204).end();
  });
  router.post('/clock/reset', (_req, res) => {
    if (!requireControlledClock(res)) return;
    engine.clock.reset();
    res.status(204).end();
  });
  return router;
}
