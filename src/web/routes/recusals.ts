import { Router } from 'express';
import { RecusalError } from '../../db/recusals';
import { can } from '../auth/roles';
import { type WebDeps } from '../deps';
import { forbidden, pageContext, requireUser, sendPage, str } from '../http';
import { type EvidenceScope } from '../store/port';
import { recusalsPage, type RecusalForm } from '../views/recusals';

// the reference lists of people and units need no evidence scope
const NO_EVIDENCE: EvidenceScope = { everything: false, teamIds: [], sharedAll: false, unitCodes: [] };

/**
 * 回避登记 for the 区安委办 and administrators: who must not inspect which unit besides their own (a relative works
 * there, a case is pending); the plan assistant and the team check keep to it.
 */
export function recusalRoutes(deps: WebDeps): Router {
  const router = Router();
  const { store } = deps;
  const page = async (req: Parameters<typeof pageContext>[0], res: Parameters<typeof pageContext>[1], state: { form?: RecusalForm; problem?: string; saved?: boolean } = {}) => {
    const [recusals, people, units] = await Promise.all([
      store.recusals(), store.referenceOptions('people', {}, NO_EVIDENCE), store.referenceOptions('units', {}, NO_EVIDENCE),
    ]);
    return recusalsPage(pageContext(req, res), { recusals, people, units, ...state });
  };

  router.use('/admin/recusals', (_req, res, next) => {
    next(can.manageCalendar(requireUser(res)) ? undefined : forbidden());
  });

  router.get('/admin/recusals', async (req, res) => {
    sendPage(res, await page(req, res, { saved: str(req.query.saved) === '1' }));
  });

  router.post('/admin/recusals', async (req, res) => {
    const user = requireUser(res);
    const body = req.body as Record<string, unknown>;
    const form: RecusalForm = { personId: String(str(body.personId) ?? ''), unitCode: String(str(body.unitCode) ?? ''), reason: String(str(body.reason) ?? '') };
    const problem = !form.personId || !form.unitCode ? '请选择人员和需回避的单位。' : form.reason.length > 200 ? '回避事由不超过200个字。' : undefined;
    try {
      if (problem) throw new RecusalError(problem);
      await store.recordRecusal(user.username, form);
    } catch (err) {
      if (!(err instanceof RecusalError)) throw err;
      sendPage(res, await page(req, res, { form, problem: err.message }), 422);
      return;
    }
    res.redirect(303, '/admin/recusals?saved=1');
  });

  router.post('/admin/recusals/withdraw', async (req, res) => {
    const user = requireUser(res);
    const body = req.body as Record<string, unknown>;
    await store.withdrawRecusal(user.username, String(str(body.personId) ?? ''), String(str(body.unitCode) ?? ''));
    res.redirect(303, '/admin/recusals');
  });

  return router;
}
