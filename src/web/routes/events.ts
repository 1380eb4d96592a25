import { Router } from 'express';
import { chinaDate } from '../../domain/calendar';
import { type WebDeps } from '../deps';
import { has, type Principal } from '../auth/roles';
import { EVENTS, type EventKind, eventsFor, MOVED_TO_TASKS, type SubjectKind } from '../events/catalog';
import { messageIdOf } from '../events/message-identity';
import { openSubscriptions } from '../events/open-subscriptions';
import { validateSubmission } from '../forms/validate';
import { forbidden, HttpError, notFound, pageContext, requireUser, sendPage, str } from '../http';
import { type DeliveredMessage } from '../store/port';
import { eventFormPage, eventListPage } from '../views/events';
import { scopeOf } from './records';

const SUBJECT_LABEL = { inspection: '巡查', hazard: '挂牌隐患', year: '年度' } as const;

/** Why a report was not sent: nothing in the engine waits for it about that subject now. */
export const notReceivable = (e: EventKind) =>
  `所选${SUBJECT_LABEL[e.subject]}当前没有等待「${e.label}」的流程环节，报告未发送。请在流程进行到相应阶段时再报送，或联系区安委办。`;

const isNotFound = (err: unknown) => {
  const e = err as { status?: number; statusCode?: number; body?: { status?: number } };
  return (e?.status ?? e?.statusCode ?? e?.body?.status) === 404;
};

/**
 * Reporting events (complaints, receipts, progress, requests…) to running processes as Camunda messages. A form
 * offers only subjects a process waits for now; a report is correlated to the waiting process and confirmed, or
 * refused with the reason (never published to wait unseen and expire); the same report sent again is recognised
 * by its id and delivered once.
 */
export function eventRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store, now } = deps;
  const receivability = openSubscriptions(camunda);
  // a report being delivered, by id: a double click waits for the first delivery instead of sending twice
  const inFlight = new Map<string, Promise<{ delivered: DeliveredMessage; repeated: boolean }>>();

  function eventOf(message: string, roles: string[]) {
    const e = EVENTS.find((x) => x.message === message);
    if (!e && Object.hasOwn(MOVED_TO_TASKS, message)) throw new HttpError(410, MOVED_TO_TASKS[message]!);
    if (!e) throw notFound();
    if (!e.roles.some((r) => roles.includes(r))) throw forbidden();
    return e;
  }

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

  /** The subjects the reader may report on and a process waits for now; for a year, whether anything receives it. */
  async function offered(e: EventKind, user: Principal) {
    if (e.subject === 'year') {
      if (e.startsProcess) return { subjects: [], receivable: true };
      const r = await receivability(e.message);
      return { subjects: [], receivable: r.starts || r.keys === undefined || r.keys.size > 0 };
    }
    const [subjects, r] = await Promise.all([subjectsFor(user, e.subject), receivability(e.message)]);
    return { subjects: subjects.filter((s) => r.keys === undefined || r.keys.has(s.id)), receivable: true, all: subjects };
  }

  async function deliver(messageId: string, send: () => Promise<{ messageKey: string; processInstanceKey: string }>) {
    const earlier = await store.deliveredMessage(messageId);
    if (earlier) return { delivered: earlier, repeated: true };
    const result = await send();
    const delivered = { ...result, at: now().toISOString() };
    await store.recordDeliveredMessage(messageId, delivered);
    return { delivered, repeated: false };
  }

  router.get('/events', (req, res) => {
    const user = requireUser(res);
    const done = EVENTS.find((e) => e.message === str(req.query.done))?.label;
    sendPage(res, eventListPage(pageContext(req, res), eventsFor(user), done, str(req.query.repeated) === '1'));
  });

  router.get('/events/:message', async (req, res) => {
    const user = requireUser(res);
    const e = eventOf(String(req.params.message), user.roles);
    const { subjects, receivable } = await offered(e, user);
    // a year is offered as the current year by the engine's clock (China time); a subject named in the link
    // (from the task list) is chosen when it is offered
    const named = str(req.query.subject);
    const values = e.subject === 'year' ? { subject: Number(chinaDate(now()).slice(0, 4)) } : named && subjects.some((s) => s.id === named) ? { subject: named } : {};
    sendPage(res, eventFormPage(pageContext(req, res), e, subjects, values, {}, receivable ? undefined : notReceivable(e)));
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
    // the reader's own subjects (need-to-know, the team's own inspections); whether a process waits is the
    // correlation's answer, not the search's
    const mine = await subjectsFor(user, e.subject);
    const subject = str(body.subject);
    if (e.subject === 'year' ? !subject || !/^\d{4}$/.test(subject) : !mine.some((s) => s.id === subject)) errors.subject = '请选择有效的报告对象。';
    const again = async (status: number, formErrors: Record<string, string>, notice?: string) => {
      const { subjects } = await offered(e, user);
      sendPage(res, eventFormPage(pageContext(req, res), e, subjects, { ...submitted, subject }, formErrors, notice), status);
    };
    if (Object.keys(errors).length) return again(422, errors);
    const variables = e.variables(values, user, now().toISOString());
    const correlationKey = subject!;
    const extra = e.subject === 'year' ? { year: Number(subject) } : {};
    const messageId = messageIdOf(e.message, correlationKey, values);
    // a process the office starts (a plan, a city inspection…) is started once per distinct announcement, like a report
    const send = e.startsProcess
      ? () => camunda.createProcessInstance(e.startsProcess!, { ...variables, ...extra }).then((r) => ({ messageKey: '', processInstanceKey: r.processInstanceKey }))
      : () => camunda.correlateMessage({ name: e.message, correlationKey, variables: { ...variables, ...extra } });
    const action = e.startsProcess ? `start.${e.startsProcess}` : `event.${e.message}`;
    let delivery = inFlight.get(messageId);
    if (!delivery) {
      delivery = deliver(messageId, send)
        .finally(() => inFlight.delete(messageId));
      inFlight.set(messageId, delivery);
    }
    let outcome: Awaited<typeof delivery>;
    try {
      outcome = await delivery;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await store.audit({ actor: user.username, action, target: correlationKey, outcome: 'denied', detail: { messageId, reason: 'no-subscription' }, ip: req.ip });
      return e.subject === 'year' ? again(409, {}, notReceivable(e)) : again(409, { subject: notReceivable(e) });
    }
    const { delivered, repeated } = outcome;
    await store.audit({
      actor: user.username, action, target: correlationKey, outcome: 'ok',
      detail: { messageId, messageKey: delivered.messageKey, processInstanceKey: delivered.processInstanceKey, repeated }, ip: req.ip,
    });
    res.redirect(303, `/events?done=${e.message}${repeated ? '&repeated=1' : ''}`);
  });

  return router;
}
