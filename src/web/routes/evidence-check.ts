import { Router } from 'express';
import { can } from '../auth/roles';
import { type WebDeps } from '../deps';
import { forbidden, pageContext, requireUser, sendPage } from '../http';
import { evidenceCheckPage } from '../views/evidence-check';

/** 证据存档校验 for the office and administrators: the chain and every file checked now, the result shown. */
export function evidenceCheckRoutes(deps: WebDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  router.get('/admin/evidence', async (req, res) => {
    const user = requireUser(res);
    if (!can.checkEvidence(user)) throw forbidden();
    const report = await deps.store.checkEvidence();
    await deps.store.audit({ actor: user.username, action: 'evidence.verify', outcome: 'ok', detail: { ok: report.ok, checked: report.checked }, ip: req.ip });
    sendPage(res, evidenceCheckPage(pageContext(req, res), report, now()));
  });
  return router;
}
