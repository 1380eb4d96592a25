import { Router } from 'express';
import { can } from '../auth/roles';
import { chinaDate } from '../../domain/calendar';
import { ArrangementError, parseArrangement } from '../../domain/holiday-arrangement';
import { type WebDeps } from '../deps';
import { badRequest, forbidden, pageContext, requireUser, sendPage, str } from '../http';
import { calendarPage, type CalendarForm } from '../views/calendar';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function yearOf(value: unknown, fallback: number): number {
  const text = str(value);
  if (text === undefined) return fallback;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < MIN_YEAR || year > MAX_YEAR) throw badRequest(`年份应为${MIN_YEAR}—${MAX_YEAR}之间的四位数字。`);
  return year;
}

/**
 * 节假日日历 for the 区安委办 and administrators: a year's holidays and 调休 working days, and the form to enter
 * the State Council's arrangement once it is published (November/December for the next year).
 */
export function calendarRoutes(deps: WebDeps): Router {
  const router = Router();
  const { store } = deps;
  const { now } = deps;
  // from November on, the office works on next year's arrangement
  const defaultYear = () => {
    const today = chinaDate(now());
    return Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 11 ? 1 : 0);
  };

  router.use('/admin/calendar', (_req, res, next) => {
    next(can.manageCalendar(requireUser(res)) ? undefined : forbidden());
  });

  router.get('/admin/calendar', async (req, res) => {
    const view = await store.calendarYear(yearOf(req.query.year, defaultYear()));
    sendPage(res, calendarPage(pageContext(req, res), view, { saved: str(req.query.saved) === '1' }));
  });

  router.post('/admin/calendar', async (req, res) => {
    const user = requireUser(res);
    const body = req.body as Record<string, unknown>;
    const year = yearOf(body.year, defaultYear());
    const form: CalendarForm = {
      holidays: String(str(body.holidays) ?? ''), workdays: String(str(body.workdays) ?? ''), source: String(str(body.source) ?? ''),
    };
    const problems: string[] = [];
    let days: ReturnType<typeof parseArrangement> = [];
    try {
      days = parseArrangement({ year, holidays: form.holidays, workdays: form.workdays });
    } catch (err) {
      if (!(err instanceof ArrangementError)) throw err;
      problems.push(...err.problems);
    }
    if (!form.source) problems.push('请填写依据（国务院办公厅通知文号）。');
    if (form.source.length > 100) problems.push('依据不超过100个字。');
    if (problems.length) {
      sendPage(res, calendarPage(pageContext(req, res), await store.calendarYear(year), { form, problems }), 422);
      return;
    }
    await store.enterCalendarYear(user.username, year, days, form.source);
    res.redirect(303, `/admin/calendar?year=${year}&saved=1`);
  });

  router.post('/admin/calendar/:year/remove', async (req, res) => {
    const user = requireUser(res);
    const year = yearOf(req.params.year, defaultYear());
    await store.enterCalendarYear(user.username, year, [], '');
    res.redirect(303, `/admin/calendar?year=${year}`);
  });

  return router;
}
