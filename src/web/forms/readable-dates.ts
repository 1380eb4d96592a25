import { formatTime } from '../views/format';
import { type FormComponent, type FormSchema } from './validate';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TEXT_TYPES = new Set(['textfield', 'textarea']);

const readOnly = (c: FormComponent) => c.readonly === true || c.disabled === true;

/**
 * The task's data with the dates of read-only text fields (期限 and the like, which the process hands over as ISO
 * strings) as people read them: 2027年3月1日 15:00. The server drops read-only fields from a submission, so the
 * process keeps its own values; only what the form shows changes.
 */
export function readableDates(schema: FormSchema | undefined, data: Record<string, unknown>): Record<string, unknown> {
  const visit = (components: FormComponent[], values: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...values };
    for (const c of components) {
      if (c.type === 'group' && c.components) {
        if (!c.path) Object.assign(out, visit(c.components, out));
        else if (out[c.path] && typeof out[c.path] === 'object' && !Array.isArray(out[c.path])) out[c.path] = visit(c.components, out[c.path] as Record<string, unknown>);
        continue;
      }
      const value = c.key ? out[c.key] : undefined;
      if (c.key && TEXT_TYPES.has(c.type) && readOnly(c) && typeof value === 'string' && ISO_DATE.test(value)) out[c.key] = formatTime(value);
    }
    return out;
  };
  return schema?.components ? visit(schema.components, data) : data;
}
