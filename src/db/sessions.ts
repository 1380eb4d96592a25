import { createHash, randomBytes } from 'node:crypto';
import { getAccount, type Account } from './accounts';
import { type Db } from './connect';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Web sessions. The browser holds a random token; the table holds only its SHA-256, so a leaked database
 * does not leak live sessions. All times are passed in (ISO-8601) so the caller's clock decides.
 */
export async function createSession(db: Db, accountId: string, now: Date, ttlMs: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db.insertInto('web_sessions').values({
    id: hashToken(token), account_id: accountId, created_at: now.toISOString(), expires_at: expiresAt,
    last_seen_at: now.toISOString(),
  }).execute();
  return { token, expiresAt };
}

/** How stale last_seen_at may get: refreshing it on every request made each page view a write. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The session's account if the token is known, not expired and the account not disabled; refreshes last_seen_at
 * when it is more than a minute old.
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<Account | undefined> {
  const id = hashToken(token);
  const row = await db.selectFrom('web_sessions').select(['account_id', 'expires_at', 'last_seen_at']).where('id', '=', id).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  const account = await getAccount(db, row.account_id);
  if (!account || account.disabled) return undefined;
  if (now.getTime() - Date.parse(row.last_seen_at) >= LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('web_sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return account;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id', '=', hashToken(token)).execute();
}

/** Deletes expired sessions; returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('web_sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
