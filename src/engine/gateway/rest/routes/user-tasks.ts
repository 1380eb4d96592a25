import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../../api';
import { getOne, keyParam, NotFound, parse, search, variablesSchema } from '../http';
import { userTaskSearch } from '../search/specs/user-tasks';
import { variableSearch } from '../search/specs/variables';
import { formByKey } from './definitions';
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
  const db = () => engine.readDb();

  router.post('/user-tasks/search', (req, res) => search(db(), userTaskSearch, req.body, res));
  router.get('/user-tasks/:key', (req, res) => {
    res.json(getOne(db(), userTaskSearch, 't.key', keyParam(req, 'key'), 'User task'));
  });
  router.get('/user-tasks/:key/form', (req, res) => {
    const key = keyParam(req, 'key');
    const task = db().prepare('SELECT CAST(form_key AS TEXT) AS formKey FROM rm_user_task WHERE key = ?').get(key) as { formKey: string | null } | undefined;
    if (!task) throw new NotFound(`User task with key '${key}' not found`);
    const form = task.formKey ? formByKey(engine, task.formKey) : undefined;
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
    const task = db().prepare('SELECT CAST(element_instance_key AS TEXT) AS scope, CAST(process_instance_key AS TEXT) AS pi FROM rm_user_task WHERE key = ?').get(key) as
      | { scope: string; pi: string }
      | undefined;
    if (!task) throw new NotFound(`User task with key '${key}' not found`);
    const spec = variableSearch(truncateOf(req.query));
    // The task's own scope and the process scope; a local variable shadows a process variable of the same name.
    const baseCondition = {
      sql: `v.process_instance_key = ? AND (v.scope_key = ? OR (v.scope_key = ? AND NOT EXISTS (
              SELECT 1 FROM rm_variable l WHERE l.scope_key = ? AND l.name = v.name)))`,
      params: [task.pi, task.scope, task.pi, task.scope],
    };
    search(db(), { ...spec, baseCondition }, req.body, res);
  });
  return router;
}
