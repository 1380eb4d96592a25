import { Router } from 'express';
import { can } from '../auth/roles';
import { chinaDate } from '../../domain/calendar';
import { type WebDeps } from '../deps';
import { badRequest, forbidden, pageContext, requireUser, sendPage, str } from '../http';
import { assessmentPage } from '../views/assessment';

/**
 * 绩效考核 (三（三）6): each unit's inspection results by assessment year, as frozen at the district's cut-off with
 * the updates recorded after it. Read by the office, the committee and the offices the results are copied to.
 */
export function assessmentRoutes(deps: WebDeps): Router {
  const router = Router();
  const { store, now } = deps;

  router.use('/assessment', (_req, res, next) => {
    next(can.readAssessment(requireUser(res)) ? undefined : forbidden());
  });

  router.get('/assessment', async (req, res) => {
    const years = await store.assessmentYears();
    const text = str(req.query.year);
    if (text !== undefined && !/^\d{4}$/.test(text)) throw badRequest('考核年度应为四位数字。');
    const year = text !== undefined ? Number(text) : years[0] ?? Number(chinaDate(now()).slice(0, 4));
    sendPage(res, assessmentPage(pageContext(req, res), year, years, await store.assessmentRegister(year), now()));
  });

  return router;
}
