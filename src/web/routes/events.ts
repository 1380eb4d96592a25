import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { type WebDeps } from '../deps';
import { has, type Principal } from '../auth/roles';
import { EVENTS, eventsFor, type SubjectKind } from '../events/catalog';
import { validateSubmission } from '../forms/validate';
import { forbidden, notFound, pageContext, requireUser, sendPage, str } from '../http';
import { eventFormPage, eventListPage } from '../views/events';
import { scopeOf } from './records';

/** Reporting events (complaints, receipts, progress, requests…) to running processes as Camunda messages. */
export function eventRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store } = deps;
  const now = deps.now ?? (() => new Date());

  function eventOf(message: string, roles: string[]) {
    const e = EVENTS.find((x) => x.message === message);
    if (!e) throw notFound();
    if (!e.roles.some((r) => roles.includes(r))) throw forbidden();
    return e;
  }

  router.get('/events', (req, res) => {
    const user = requireUser(res);
    const done = EVENTS.find((e) => e.message === str(req.query.done))?.label;
    sendPage(res, eventListPage(pageContext(req, res), eventsFor(user), done));
  });

  /**
   * What the user may report on. Team staff report on their own team's inspections only (组长负责制): a complaint or
   * an obstruction goes to the team inspecting that unit; inspections with no team recorded stay open to them.
   */
  async function subjectsFor(user: Principal, kind: SubjectKind) {
    if (kind === 'year') return [];
    const subjects = await store.reportableSubjects(kind, scopeOf(user));
    if (kind !== 'inspection' || !has(user, 'team', 'team-leader') || has(user, 'office', 'committee', 'admin')) return subjects;
    const teams = await store.inspectionTeams(subjects.map((s) => s.id));
    const mine = new Set(user.teams.map((t) => t.teamId));
    return subjects.filter((s) => {
      const team = teams.get(s.id);
      return !team || mine.has(team);
    });
  }

  router.get('/events/:message', async (req, res) => {
    const user = requireUser(res);
    const e = eventOf(String(req.params.message), user.roles);
    sendPage(res, eventFormPage(pageContext(req, res), e, await subjectsFor(user, e.subject)));
  });

  router.post('/events/:message', async (req, res) => {
    const user = requireUser(res);
    const e = eventOf(String(req.params.message), user.roles);
    const body = (req.body ?? {}) as Record<string, unknown>;
    // form posts carry strings; numbers are numbers for the shared validation
    const submitted = Object.fromEntries(e.fields.map((f) => {
      const raw = str(body[f.key!]);
      return [f.key!, f.type === 'number' && raw !== undefined && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw];
    }));
    const { values, errors } = validateSubmission({ components: e.fields }, submitted);
    const subjects = await subjectsFor(user, e.subject);
    const subject = str(body.subject);
    if (e.subject === 'year' ? !subject || !/^\d{4}$/.test(subject) : !subjects.some((s) => s.id === subject)) errors.subject = '请选择有效的报告对象。';
    if (e.message === 'handover-receipt' && values.decision !== '签收办理' && !values.reason) errors.reason = '「理由」在不签收时为必填项。';
    if (Object.keys(errors).length) return sendPage(res, eventFormPage(pageContext(req, res), e, subjects, { ...submitted, subject }, errors), 422);
    const variables = e.variables(values, user, now().toISOString());
    if (e.startsProcess) {
      const { processInstanceKey } = await camunda.createProcessInstance(e.startsProcess, { ...variables, year: Number(subject) });
      await store.audit({ actor: user.username, action: `start.${e.startsProcess}`, target: processInstanceKey, outcome: 'ok', detail: { year: subject }, ip: req.ip });
      return res.redirect(303, `/events?done=${e.message}`);
    }
    const messageId = randomUUID();
    const { messageKey } = await camunda.publishMessage({ name: e.message, correlationKey: subject!, variables, messageId });
    await store.audit({ actor: user.username, action: `event.${e.message}`, target: subject!, outcome: 'ok', detail: { messageKey, messageId }, ip: req.ip });
    res.redirect(303, `/events?done=${e.message}`);
  });

  return router;
}
