import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../engine/api';
import { requireDefaultTenant, tenantOf } from '../../shared/tenancy';
import { int64, parse, variablesSchema } from '../http';

const publicationSchema = z.strictObject({
  name: z.string().min(1, 'expected a non-empty message name'),
  correlationKey: z.string().optional(),
  timeToLive: int64(0).optional(),
  messageId: z.string().optional(),
  variables: variablesSchema.optional(),
  tenantId: z.string().optional(),
});

export function messageRoutes(engine: Engine): Router {
  const router = Router();
  router.post('/messages/publication', async (req, res) => {
    requireDefaultTenant('Publish Message', tenantOf(req.body));
    const body = parse(publicationSchema, req.body);
    const result = await engine.publishMessage({ ...body, correlationKey: body.correlationKey ?? '' });
    res.json({ messageKey: result.key, tenantId: result.tenantId });
  });
  router.post('/messages/correlation', async (req, res) => {
    requireDefaultTenant('Correlate Message', tenantOf(req.body));
    const body = parse(publicationSchema.omit({ timeToLive: true, messageId: true }), req.body);
    res.json(await engine.correlateMessage({ ...body, correlationKey: body.correlationKey ?? '' }));
  });
  router.post('/signals/broadcast', async (req, res) => {
    requireDefaultTenant('Broadcast Signal', tenantOf(req.body));
    const body = parse(
      z.strictObject({ signalName: z.string().min(1, 'expected a non-empty signal name'), variables: variablesSchema.optional(), tenantId: z.string().optional() }),
      req.body,
    );
    const result = await engine.broadcastSignal(body);
    res.json({ signalKey: result.key, tenantId: result.tenantId });
  });
  return router;
}
