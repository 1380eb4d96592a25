import { type Request, type Response, Router } from 'express';
import { can, has, type Principal } from '../auth/roles';
import { type WebDeps } from '../deps';
import { tableExport } from '../export/table';
import { notFound, pageContext, requireUser, sendPage, str } from '../http';
import { REGISTERS, type RecordScope, type RegisterName } from '../store/port';
import { type InboxKind, isInboxKind } from '../inbox-kinds';
import { boardPage, inboxPage, noticePage, registerPage, registersIndexPage } from '../views/records';

/**
 * Units see only their own rows, departments only what was handed to them, teams their own inspections' (组长负责制);
 * the office, the committee and administrators see everything but evidence, which is need-to-know: the office all
 * of it, a team its own inspections', the unit what was filed on its tasks.
 */
export function scopeOf(user: Principal): RecordScope {
  const evidence = {
    everything: has(user, 'office'),
    teamIds: has(user, 'team', 'team-leader') ? user.teams.map((t) => t.teamId) : [],
    sharedAll: has(user, 'committee', 'admin'),
    unitCodes: user.roles.includes('unit') ? user.unitCodes : [],
    departmentCodes: user.roles.includes('department') ? user.departmentCodes : [],
  };
  if (can.seeAllRecords(user)) return { all: true, evidence };
  return { all: false, unitCodes: user.roles.includes('unit') ? user.unitCodes : [], departmentCodes: user.roles.includes('department') ? user.departmentCodes : [],
    teamIds: evidence.teamIds, evidence };
}

const isRegister = (name: string): name is RegisterName => Object.prototype.hasOwnProperty.call(REGISTERS, name);

export function registerRoutes(deps: WebDeps): Router {
  const router = Router();
  const { store } = deps;

  router.get('/registers', (req, res) => sendPage(res, registersIndexPage(pageContext(req, res))));

  async function load(req: Request, res: Response, limit: number) {
    const user = requireUser(res);
    const name = String(req.params.name);
    if (!isRegister(name)) throw notFound();
    const q = str(req.query.q);
    const offset = Math.max(0, Number.parseInt(str(req.query.offset) ?? '0', 10) || 0);
    const page = await store.register(name, scopeOf(user), { q, limit, offset });
    return { user, name, q, offset, page };
  }

  tableExport(router, '/registers/:name', async (req, res, format) => {
    const { user, name, page } = await load(req, res, 10000);
    await store.audit({ actor: user.username, action: 'register.export', target: name, outcome: 'ok', detail: { format, rows: page.rows.length }, ip: req.ip });
    return { title: REGISTERS[name], columns: page.columns, rows: page.rows.map((r) => page.columns.map((c) => r[c.key])) };
  });

  router.get('/registers/:name', async (req, res) => {
    const { user, name, q, offset, page } = await load(req, res, 50);
    await store.audit({ actor: user.username, action: 'register.view', target: name, outcome: 'ok', ip: req.ip });
    sendPage(res, registerPage(pageContext(req, res), name, page, q, can.monitor(user), offset, 50));
  });

  router.get('/documents/:id', async (req, res) => {
    const user = requireUser(res);
    const doc = await store.document(String(req.params.id), scopeOf(user));
    if (!doc) throw notFound();
    await store.audit({ actor: user.username, action: 'document.download', target: String(req.params.id), outcome: 'ok', ip: req.ip });
    res.type(doc.mimeType).attachment(doc.fileName).send(doc.content);
  });

  return router;
}

/** Messages on one page of the inbox. */
const INBOX_PAGE = 30;

export function inboxRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/inbox', async (req, res) => {
    const user = requireUser(res);
    const state = (['read', 'unread'] as const).find((s) => s === str(req.query.state));
    const kind = isInboxKind(str(req.query.kind)) ? (str(req.query.kind) as InboxKind) : undefined;
    const offset = Math.max(0, Number.parseInt(str(req.query.offset) ?? '0', 10) || 0);
    const page = await deps.store.notifications(user.accountId, { state, kind, limit: INBOX_PAGE, offset });
    sendPage(res, inboxPage(pageContext(req, res), page, { state, kind, offset, limit: INBOX_PAGE }));
  });
  router.post('/inbox/read-all', async (req, res) => {
    const user = requireUser(res);
    await deps.store.markAllRead(user.accountId);
    res.redirect(303, '/inbox');
  });
  router.post('/inbox/:id/read', async (req, res) => {
    const user = requireUser(res);
    if (!(await deps.store.markRead(user.accountId, String(req.params.id)))) throw notFound();
    res.redirect(303, '/inbox');
  });
  return router;
}

/** The public notice board: the only content reachable without login. */
export function boardRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/board', async (req, res) => sendPage(res, boardPage(pageContext(req, res), await deps.store.publicNotices())));
  router.get('/board/:id', async (req, res) => {
    const notice = (await deps.store.publicNotices()).find((n) => n.id === String(req.params.id));
    if (!notice) throw notFound();
    sendPage(res, noticePage(pageContext(req, res), notice));
  });
  return router;
}
