import { Router } from 'express';
import { z } from 'zod';
import type { Engine, ModifyInstanceRequest } from '../../../engine/api';
import { int64, keyParam, keySchema, parse, variablesSchema } from '../http';

/** Camunda 8.8's `ProcessInstanceModificationInstruction`; keys are strings on the wire, numbers are tolerated. */
const modificationSchema = z.strictObject({
  operationReference: int64(1).optional(),
  activateInstructions: z
    .array(
      z.strictObject({
        elementId: z.string().min(1, 'expected the id of the element to activate'),
        // -1 (or none): the engine looks for the one existing flow scope instance itself
        ancestorElementInstanceKey: keySchema.optional(),
        // Camunda's REST gateway (unlike gRPC) refuses a variable instruction without variables
        variableInstructions: z
          .array(z.strictObject({ variables: variablesSchema.refine((v) => Object.keys(v).length > 0, 'expected at least one variable'), scopeId: z.string().optional() }))
          .optional(),
      }),
    )
    .optional(),
  terminateInstructions: z.array(z.strictObject({ elementInstanceKey: keySchema })).optional(),
});

/** The REST form of the value 'find the scope yourself' is -1; the engine's contract leaves it out. */
const ancestorKey = (key: string | undefined): string | undefined => (key === undefined || key === '-1' || key === '0' ? undefined : key);

export function toModifyRequest(body: z.infer<typeof modificationSchema>): ModifyInstanceRequest {
  return {
    activateInstructions: (body.activateInstructions ?? []).map((a) => ({
      elementId: a.elementId,
      ancestorElementInstanceKey: ancestorKey(a.ancestorElementInstanceKey),
      variableInstructions: (a.variableInstructions ?? []).map((v) => ({ scopeId: v.scopeId || undefined, variables: v.variables })),
    })),
    terminateInstructions: (body.terminateInstructions ?? []).map((t) => ({ elementInstanceKey: t.elementInstanceKey })),
  };
}

/** Camunda 8.8's `ProcessInstanceMigrationInstruction`. */
const migrationSchema = z.strictObject({
  operationReference: int64(1).optional(),
  targetProcessDefinitionKey: keySchema,
  mappingInstructions: z.array(z.strictObject({
    sourceElementId: z.string().min(1, 'expected the id of an element of the source process'),
    targetElementId: z.string().min(1, 'expected the id of an element of the target process'),
  })),
});

/** `POST /process-instances/{key}/modification` and `/migration`: 204 once the engine has applied it, its rejections as problems. */
export function modificationRoutes(engine: Engine): Router {
  const router = Router();
  router.post('/process-instances/:key/modification', async (req, res) => {
    const key = keyParam(req, 'key');
    const body = parse(modificationSchema, req.body);
    await engine.modifyProcessInstance(key, toModifyRequest(body));
    res.status(204).end();
  });
  router.post('/process-instances/:key/migration', async (req, res) => {
    const key = keyParam(req, 'key');
    const body = parse(migrationSchema, req.body);
    await engine.migrateProcessInstance(key, { targetProcessDefinitionKey: body.targetProcessDefinitionKey, mappingInstructions: body.mappingInstructions });
    res.status(204).end();
  });
  return router;
}
