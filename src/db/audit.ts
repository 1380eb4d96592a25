import { type Db } from './connect';

/** Who does a change and when; every repository write takes one and leaves an audit record. */
export interface Actor {
  /** Account login, or `worker:<job type>` for job workers, or `system`. */
  readonly name: string;
  /** When the change happens (ISO-8601); injected so tests pin the clock. */
  readonly at: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data: Record<string, unknown>;
}

/** Appends one audit record; call it inside the same transaction as the change it describes. */
export async function audit(db: Db, by: Actor, action: string, entity: string, entityId: string,
  data: Record<string, unknown> = {}): Promise<void> {
  await db.insertInto('audit_log').values({
    at: by.at, actor: by.name, action, entity, entity_id: entityId, data: JSON.stringify(data),
  }).execute();
}

/** The audit trail, oldest first; filter by entity (table) and id, or by actor. */
export async function auditTrail(db: Db, filter: { entity?: string; entityId?: string; actor?: string; limit?: number } = {}):
  Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.limit) q = q.limit(filter.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

/** A page of the audit trail, newest first, for the administrators' page; filters match exactly. */
export async function auditPage(db: Db, filter: { entity?: string; entityId?: string; actor?: string; limit: number; offset: number }):
  Promise<{ entries: AuditEntry[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    entries: rows.map((r) => ({
      seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id,
      data: JSON.parse(r.data) as Record<string, unknown>,
    })),
    total: Number(count.n),
  };
}
