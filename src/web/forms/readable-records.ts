import { type FormComponent, type FormSchema } from './validate';

/** Read-only fields that hold a register id, and the kind of record the id names. */
const RECORD_FIELDS: Record<string, 'problem' | 'complaint'> = { problemId: 'problem', complaintId: 'complaint' };

/**
 * The task's data with the register ids that read-only fields show (问题编号, 来信来电编号) replaced by readable
 * labels. The server drops read-only fields from a submission, so the process keeps its ids; only what the form shows
 * changes. An id with no registered record shows as such rather than as the id.
 */
export async function readableRecords(
  schema: FormSchema | undefined,
  data: Record<string, unknown>,
  label: (kind: 'problem' | 'complaint', id: string) => Promise<string | undefined>,
): Promise<Record<string, unknown>> {
  const keys = new Set<string>();
  const visit = (components: FormComponent[] | undefined) => {
    for (const c of components ?? []) {
      if (c.key && Object.hasOwn(RECORD_FIELDS, c.key) && (c.readonly === true || c.disabled === true)) keys.add(c.key);
      if (!c.path) visit(c.components);
    }
  };
  visit(schema?.components);
  const out = { ...data };
  for (const key of keys) {
    const id = out[key];
    if (typeof id === 'string' && id) out[key] = (await label(RECORD_FIELDS[key]!, id)) ?? '（未登记）';
  }
  return out;
}
