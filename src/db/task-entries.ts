import { randomUUID } from 'node:crypto';
import { audit, type Actor } from './audit';
import { type Db } from './connect';
import { type EvidenceScope } from './web-queries';

/**
 * 办理记录: what people entered in the forms of their tasks, kept as entered (every editable field, with its label),
 * next to what the task was about. Need-to-know as evidence is: a team's entries (complaint checks, talks, 暗访) reach
 * the office and that team only; entries of a unit's or department's task also reach that unit or department.
 */
export interface EntryField {
  key: string;
  label: string;
  value: unknown;
}

export interface NewTaskEntry {
  taskKey: string;
  formId: string;
  taskName: string;
  processInstanceKey?: string | null;
  about: { inspectionId?: string; problemId?: string; hazardId?: string; talkId?: string };
  /** `team` (need-to-know), `office` (shared with the committee and administrators), or a unit or department code. */
  audience: string;
  fields: EntryField[];
}

export async function recordTaskEntry(db: Db, by: Actor, e: NewTaskEntry): Promise<string> {
  const existing = await db.selectFrom('task_entries').select('id').where('task_key', '=', e.taskKey).executeTakeFirst();
  if (existing) return existing.id; // a task completes once; a repeated submission keeps the first record
  const id = randomUUID();
  await db.insertInto('task_entries').values({
    id, task_key: e.taskKey, form_id: e.formId, task_name: e.taskName, process_instance_key: e.processInstanceKey ?? null,
    inspection_id: e.about.inspectionId ?? null, problem_id: e.about.problemId ?? null, hazard_id: e.about.hazardId ?? null,
    talk_id: e.about.talkId ?? null, audience: e.audience, fields: JSON.stringify(e.fields), entered_by: by.name, entered_at: by.at,
  }).execute();
  await audit(db, by, 'enter', 'task_entries', id, { taskKey: e.taskKey, formId: e.formId, fields: e.fields.map((f) => f.key) });
  return id;
}

export interface TaskEntryRow {
  id: string;
  taskKey: string;
  formId: string;
  taskName: string;
  processInstanceKey: string | null;
  inspectionId: string | null;
  enteredBy: string;
  enteredAt: string;
  fields: EntryField[];
}

/** Who may read which entries (the registers' scope plus the evidence scope for need-to-know entries). */
export interface EntryScope {
  all: boolean;
  codes: string[];
  evidence: EvidenceScope;
}

export async function taskEntries(db: Db, scope: EntryScope, query: { q?: string; limit: number; offset: number; inspectionId?: string; formId?: string }):
  Promise<{ rows: TaskEntryRow[]; total: number }> {
  let q = db.selectFrom('task_entries').leftJoin('inspections', 'inspections.id', 'task_entries.inspection_id');
  if (!scope.evidence.everything) {
    q = q.where((eb) => eb.or([
      eb('inspections.team_id', 'in', scope.evidence.teamIds.length ? scope.evidence.teamIds : ['']),
      ...(scope.all ? [eb('task_entries.audience', '!=', 'team')] : []),
      eb('task_entries.audience', 'in', scope.codes.length ? scope.codes : ['']),
    ]));
  }
  if (query.inspectionId) q = q.where('task_entries.inspection_id', '=', query.inspectionId);
  if (query.formId) q = q.where('task_entries.form_id', '=', query.formId);
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('task_entries.task_name', 'like', pattern), eb('task_entries.fields', 'like', pattern)]));
  }
  const [{ n }] = await q.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await q.selectAll('task_entries').orderBy('task_entries.entered_at', 'desc').orderBy('task_entries.id')
    .limit(query.limit).offset(query.offset).execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id, taskKey: r.task_key, formId: r.form_id, taskName: r.task_name, processInstanceKey: r.process_instance_key,
      inspectionId: r.inspection_id, enteredBy: r.entered_by, enteredAt: r.entered_at, fields: JSON.parse(r.fields) as EntryField[],
    })),
  };
}
