import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../engine/api';
import { found, keyParam, NotFound, parse, searched, variablesSchema } from '../http';
import { truncateOf } from './incidents-variables';

const isoOrNull = z.union([z.iso.datetime({ offset: true, error: 'expected an ISO-8601 date-time' }), z.literal(''), z.null()]);
const changesetSchema = z.strictObject({
  dueDate: isoOrNull.optional(),
  followUpDate: isoOrNull.optional(),
  candidateUsers: z.array(z.string()).nullable().optional(),
  candidateGroups: z.array(z.string()).nullable().optional(),
  priority: z.number().int().min(0).max(100).nullable().optional(),
});

export function userTaskRoutes(engine: Engine): Router {
  const router = Router();
  const reads = () => engine.readModel();

  router.post('/user-tasks/search', (req, res) => {
    res.json(searched(() => reads().searchUserTasks(req.body)));
  });
  router.get('/user-tasks/:key', (req, res) => {
    const key = keyParam(req, 'key');
    res.json(found(reads().getUserTask(key), 'User task', key));
  });
  router.get('/user-tasks/:key/form', (req, res) => {
    const key = keyParam(req, 'key');
    const { found: exists, form } = reads().userTaskForm(key);
    if (!exists) throw new NotFound(`User task with key '${key}' not found`);
    if (!form) {
      res.status(204).end();
      return;
    }
    res.json(form);
  });
  router.post('/user-tasks/:key/assignment', async (req, res) => {
    const body = parse(
      z.strictObject({ assignee: z.string().min(1, 'expected a non-empty assignee'), allowOverride: z.boolean().nullable().optional(), action: z.string().nullable().optional() }),
      req.body,
    );
    await engine.assignUserTask(keyParam(req, 'key'), {
      assignee: body.assignee,
      allowOverride: body.allowOverride ?? true,
      action: body.action ?? undefined,
    });
    res.status(204).end();
  });
  router.delete('/user-tasks/:key/assignee', async (req, res) => {
    await engine.unassignUserTask(keyParam(req, 'key'));
    res.status(204).end();
  });
  router.post('/user-tasks/:key/completion', async (req, res) => {
    const body = parse(z.strictObject({ variables: variablesSchema.nullable().optional(), action: z.string().nullable().optional() }), req.body);
    await engine.completeUserTask(keyParam(req, 'key'), body.variables ?? undefined, body.action ?? undefined);
    res.status(204).end();
  });
  const update = async (req: Parameters<Parameters<typeof router.patch>[1]>[0], res: Parameters<Parameters<typeof router.patch>[1]>[1]) => {
    const body = parse(z.strictObject({ changeset: changesetSchema.nullable().optional(), action: z.string().nullable().optional() }), req.body);
    await engine.updateUserTask(keyParam(req, 'key'), body.changeset ?? {}, body.action ?? undefined);
    res.status(204).end();
  };
  router.patch('/user-tasks/:key', update);
  // The SDK's legacy REST client still uses the pre-8.8 path.
  router.patch('/user-tasks/:key/update', update);
  router.post('/user-tasks/:key/variables/search', (req, res) => {
    const key = keyParam(req, 'key');
    const page = searched(() => reads().searchUserTaskVariables(key, req.body, { truncateValues: truncateOf(req.query) }));
    if (!page) throw new NotFound(`User task with key '${key}' not found`);
    res.json(page);
  });
  return router;
}
