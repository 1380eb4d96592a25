import { type Request, type Response, Router } from 'express';
import { can, type Principal } from '../auth/roles';
import { type ProcessInstance } from '../camunda/port';
import { type WebDeps } from '../deps';
import { forbidden, keyParam, notFound, pageContext, requireUser, sendPage } from '../http';
import { activatableElements } from '../monitoring/activatable-elements';
import { type ModificationInput, readModificationInput, rejectionMessage, toModification } from '../monitoring/modification-form';
import { modificationConfirmPage, modificationFormPage, type ModificationPageData } from '../views/instance-modification';

/** A Camunda problem response as the SDK throws it (status and detail at the top or in the body). */
interface Problem {
  status?: number;
  detail?: string;
  body?: { status?: number; detail?: string };
}

const problemOf = (err: unknown): { status?: number; detail: string } => {
  const p = (err ?? {}) as Problem;
  return { status: p.status ?? p.body?.status, detail: p.detail ?? p.body?.detail ?? '' };
};

/**
 * Process instance modification for 系统管理员 ("移动令牌"): a form, a confirmation page, then one modification
 * through Camunda's REST API. The engine's rejection comes back on the form with the input unchanged.
 */
export function instanceModificationRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store } = deps;

  const admin = (res: Response): Principal => {
    const user = requireUser(res);
    if (!can.operate(user)) throw forbidden();
    return user;
  };

  async function pageData(key: string, input: ModificationInput): Promise<ModificationPageData> {
    const instance: ProcessInstance = await camunda.getProcessInstance(key).catch((err: unknown) => {
      throw problemOf(err).status === 404 ? notFound() : err;
    });
    const [xml, active] = await Promise.all([
      camunda.getProcessDefinitionXml(instance.processDefinitionKey),
      camunda.searchElementInstances({ filter: { processInstanceKey: key, state: 'ACTIVE' }, sort: [{ field: 'startDate', order: 'ASC' }], page: { limit: 1000 } }),
    ]);
    const elements = await activatableElements(xml, instance.processDefinitionId);
    return { instance, active: active.items.filter((e) => e.type !== 'PROCESS'), elements, input, errors: {} };
  }

  const send = (req: Request, res: Response, d: ModificationPageData, status = 200) => sendPage(res, modificationFormPage(pageContext(req, res), d), status);

  router.get('/monitoring/instances/:key/modify', async (req, res) => {
    admin(res);
    const d = await pageData(keyParam(req.params.key), { terminate: [], elementId: '', variables: '' });
    if (d.instance.state !== 'ACTIVE') return send(req, res, { ...d, rejection: '该流程实例已结束，无法修改。' }, 409);
    send(req, res, d);
  });

  router.post('/monitoring/instances/:key/modify', async (req, res) => {
    const user = admin(res);
    const key = keyParam(req.params.key);
    const input = readModificationInput(req.body as Record<string, unknown>);
    const d = await pageData(key, input);
    const step = req.body?.step;
    if (step === 'edit') return send(req, res, d);
    const { modification, errors } = toModification(input, new Set(d.elements.map((e) => e.id)));
    if (!modification) return send(req, res, { ...d, errors }, 422);
    if (step !== 'apply') return sendPage(res, modificationConfirmPage(pageContext(req, res), d));

    const detail = {
      terminate: input.terminate,
      activate: input.elementId || undefined,
      // the names only: values may hold personal data
      variables: Object.keys(modification.activateInstructions?.[0]?.variableInstructions?.[0]?.variables ?? {}),
    };
    try {
      await camunda.modifyProcessInstance(key, modification);
    } catch (err) {
      const { status, detail: reason } = problemOf(err);
      if (status !== 400 && status !== 404 && status !== 409) throw err;
      await store.audit({ actor: user.username, action: 'instance.modify', target: key, outcome: 'failed', detail: { ...detail, rejection: reason }, ip: req.ip });
      return send(req, res, { ...d, rejection: rejectionMessage(reason) }, status === 400 ? 422 : 409);
    }
    await store.audit({ actor: user.username, action: 'instance.modify', target: key, outcome: 'ok', detail, ip: req.ip });
    res.redirect(303, `/monitoring/instances/${key}`);
  });

  return router;
}
