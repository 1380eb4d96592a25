import { Router } from 'express';
import { type WebDeps } from '../../deps';
import { pageContext, sendPage, str } from '../../http';
import { auditPage } from '../../views/admin/audit';

const PAGE = 50;

/** 审计日志: every change with who, when and what, newest first. */
export function auditRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/admin/audit', async (req, res) => {
    const offset = Math.max(0, Math.min(1_000_000, Number.parseInt(str(req.query.offset) ?? '0', 10) || 0));
    const filter = { actor: str(req.query.actor), entity: str(req.query.entity), entityId: str(req.query.entityId), offset, limit: PAGE };
    sendPage(res, auditPage(pageContext(req, res), await deps.store.admin.auditPage(filter), filter));
  });
  return router;
}
