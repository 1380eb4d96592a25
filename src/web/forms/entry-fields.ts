import { type FormComponent, type FormSchema } from './validate';
import { formatTime } from '../views/format';
import { type OptionLists } from './options';

/**
 * The editable fields of a Camunda Form and the record of what was entered in them (办理记录): every field that is
 * neither read-only nor disabled, inside groups (`plan.year`) and dynamic lists (`problems[].description`).
 */
export interface EditableField {
  /** `plan.rounds[].start`: group paths joined with dots, a dynamic list marked `[]`. */
  path: string;
  label: string;
  type: string;
  required: boolean;
  component: FormComponent;
}

const NO_VALUE = new Set(['text', 'html', 'image', 'separator', 'spacer', 'button', 'table', 'iframe', 'documentPreview', 'expression', 'filepicker']);
const labelOf = (c: FormComponent) => c.label ?? c.dateLabel ?? c.timeLabel ?? c.key ?? c.path ?? '';

export function editableFields(schema: FormSchema): EditableField[] {
  const out: EditableField[] = [];
  const walk = (components: FormComponent[], prefix: string, labels: string[]) => {
    for (const c of components) {
      if ((c.type === 'group' || c.type === 'dynamiclist') && c.components) {
        const path = c.path ? `${prefix}${c.path}${c.type === 'dynamiclist' ? '[]' : ''}.` : prefix;
        walk(c.components, path, c.label ? [...labels, c.label] : labels);
        continue;
      }
      if (!c.key || NO_VALUE.has(c.type) || c.readonly === true || c.disabled === true) continue;
      out.push({ path: `${prefix}${c.key}`, label: [...labels, labelOf(c)].join(' '), type: c.type, required: c.validate?.required === true, component: c });
    }
  };
  walk(schema.components ?? [], '', []);
  return out;
}

export interface EnteredField {
  key: string;
  label: string;
  /** As submitted (what the process received). */
  value: unknown;
  /** As a reader sees it: option labels, 是/否, lists joined. */
  text: string;
}

function readable(c: FormComponent, value: unknown, lists: OptionLists): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (c.type === 'datetime' && typeof value === 'string') return formatTime(value);
  const options = c.valuesKey !== undefined ? lists[c.valuesKey] ?? [] : (c.values ?? []).map((o) => ({ value: o.value, label: o.label ?? String(o.value) }));
  const one = (v: unknown) => String(options.find((o) => o.value === v)?.label ?? v);
  return Array.isArray(value) ? value.map(one).join('、') : one(value);
}

/** What was entered, field by field, as submitted values (validated: only the form's own editable fields). */
export function enteredFields(schema: FormSchema, values: Record<string, unknown>, lists: OptionLists = {}): EnteredField[] {
  const out: EnteredField[] = [];
  const walk = (components: FormComponent[], data: Record<string, unknown>, key: string, labels: string[]) => {
    for (const c of components) {
      if (c.type === 'group' && c.components) {
        const nested = c.path ? asObject(data[c.path]) : data;
        walk(c.components, nested, c.path ? `${key}${c.path}.` : key, c.label ? [...labels, c.label] : labels);
        continue;
      }
      if (c.type === 'dynamiclist' && c.path && c.components) {
        const items = Array.isArray(data[c.path]) ? (data[c.path] as unknown[]) : [];
        items.forEach((item, i) => walk(c.components!, asObject(item), `${key}${c.path}[${i}].`, [...labels, `${c.label ?? c.path}第${i + 1}项`]));
        continue;
      }
      if (!c.key || NO_VALUE.has(c.type) || c.readonly === true || c.disabled === true || !(c.key in data)) continue;
      out.push({ key: `${key}${c.key}`, label: [...labels, labelOf(c)].join(' '), value: data[c.key], text: readable(c, data[c.key], lists) });
    }
  };
  walk(schema.components ?? [], values, '', []);
  return out;
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
