import { Router } from 'express';
import { can } from '../../auth/roles';
import { type WebDeps } from '../../deps';
import { forbidden, requireUser } from '../../http';
import { accountAdminRoutes } from './accounts';
import { auditRoutes } from './audit';
import { organisationRoutes } from './organisation';
import { teamAdminRoutes } from './teams';

/** 系统管理 (/admin/accounts, roles, units, departments, people, experts, teams, audit): administrators only. */
export function adminRoutes(deps: WebDeps): Router {
  const router = Router();
  const guard = Router();
  guard.use((_req, res, next) => next(can.administer(requireUser(res)) ? undefined : forbidden()));
  for (const section of ['accounts', 'roles', 'units', 'departments', 'people', 'experts', 'teams', 'audit']) router.use(`/admin/${section}`, guard);
  router.use(accountAdminRoutes(deps));
  router.use(organisationRoutes(deps));
  router.use(teamAdminRoutes(deps));
  router.use(auditRoutes(deps));
  return router;
}
