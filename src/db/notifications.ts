import { randomUUID } from 'node:crypto';
import { type Db } from './connect';

export interface InboxItem {
  id: string;
  template: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  idempotencyKey: string; // one per event and recipient
  accountId: string;
  template: string;
  subject: string;
  body: string;
  email: string | null;
}

/**
 * Puts a message in a recipient's inbox unless one with the same idempotency key is there already.
 * Returns the row (new or existing), so the caller can see whether its e-mail still has to go out.
 */
export async function deliverToInbox(db: Db, n: NewNotification, at: string): Promise<{ id: string; created: boolean; emailedAt: string | null }> {
  const inserted = await db.insertInto('notifications').values({
    id: randomUUID(), idempotency_key: n.idempotencyKey, account_id: n.accountId, template: n.template,
    subject: n.subject, body: n.body, email: n.email, created_at: at, emailed_at: null, read_at: null,
  }).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').executeTakeFirst();
  const row = await db.selectFrom('notifications').select(['id', 'emailed_at'])
    .where('idempotency_key', '=', n.idempotencyKey).executeTakeFirstOrThrow();
  return { id: row.id, created: inserted !== undefined, emailedAt: row.emailed_at };
}

export async function markEmailed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ emailed_at: at }).where('id', '=', id).execute();
}

/** A recipient's inbox, newest first. */
export async function inbox(db: Db, accountId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<InboxItem[]> {
  let q = db.selectFrom('notifications').select(['id', 'template', 'subject', 'body', 'created_at', 'read_at'])
    .where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id');
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.limit(options.limit ?? 100).execute();
  return rows.map((r) => ({ id: r.id, template: r.template, subject: r.subject, body: r.body, createdAt: r.created_at, readAt: r.read_at }));
}

export interface InboxQuery {
  /** Only unread or only read messages; both when absent. */
  state?: 'read' | 'unread';
  /** Only messages of these templates, or (`exclude`) of none of them. */
  templates?: { only: string[] } | { exclude: string[] };
  limit: number;
  offset: number;
}

/** One page of a recipient's inbox, newest first, filtered and paged in SQL, with the number of all that match. */
export async function inboxPage(db: Db, accountId: string, query: InboxQuery): Promise<{ items: InboxItem[]; total: number }> {
  let q = db.selectFrom('notifications').where('account_id', '=', accountId);
  if (query.state === 'unread') q = q.where('read_at', 'is', null);
  if (query.state === 'read') q = q.where('read_at', 'is not', null);
  if (query.templates && 'only' in query.templates) q = q.where('template', 'in', query.templates.only.length ? query.templates.only : ['']);
  if (query.templates && 'exclude' in query.templates && query.templates.exclude.length) q = q.where('template', 'not in', query.templates.exclude);
  const [rows, count] = await Promise.all([
    q.select(['id', 'template', 'subject', 'body', 'created_at', 'read_at']).orderBy('created_at', 'desc').orderBy('id')
      .limit(Math.max(0, Math.min(query.limit, 500))).offset(Math.max(0, query.offset)).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ id: r.id, template: r.template, subject: r.subject, body: r.body, createdAt: r.created_at, readAt: r.read_at })), total: Number(count.n) };
}

/** Marks every unread message of a recipient read; returns how many. */
export async function markAllRead(db: Db, accountId: string, at: string): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function unreadCount(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one message read, only for its own recipient; returns false when it is not theirs or unknown. */
export async function markRead(db: Db, accountId: string, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('notifications').set({ read_at: at })
    .where('id', '=', id).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
