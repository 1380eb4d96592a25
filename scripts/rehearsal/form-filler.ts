// Fills a Camunda Form as a careful clerk would: every field the form shows gets a plausible value of its type
// (dates on the engine's day, options from the form's own lists), and the scenario's choices override them.
import { type FormField, type FormSchema } from './web-client';

export type Values = Record<string, unknown>;

const TEXT = '经演练核实，有关情况已按规定登记并落实，相关材料齐全，责任人员已明确。';

function optionsOf(f: FormField, data: Values): unknown[] {
  if (f.valuesKey) return ((data[f.valuesKey] as Array<{ value: unknown }> | undefined) ?? []).map((o) => o.value);
  return (f.values ?? []).map((o) => o.value);
}

function valueOf(f: FormField, data: Values, today: string): unknown {
  const rules = f.validate ?? {};
  const minLength = typeof rules.minLength === 'number' ? rules.minLength : 0;
  const maxLength = typeof rules.maxLength === 'number' ? rules.maxLength : 500;
  switch (f.type) {
    case 'textfield':
      if (rules.validationType === 'email') return 'jubao@yicheng.local';
      return `演练：${f.key}`.slice(0, maxLength);
    case 'textarea':
      return TEXT.repeat(Math.ceil((minLength + 1) / TEXT.length)).slice(0, Math.max(minLength + 5, Math.min(maxLength, TEXT.length)));
    case 'number': {
      const min = typeof rules.min === 'number' ? rules.min : 0;
      return Math.max(min, 1);
    }
    case 'datetime':
      return f.subtype === 'date' ? today : `${today}T10:00`;
    case 'select':
    case 'radio':
      return optionsOf(f, data)[0];
    case 'checklist':
    case 'taglist': {
      const options = optionsOf(f, data);
      return options.length ? [options[0]] : [];
    }
    case 'checkbox':
      return true;
    default:
      return undefined;
  }
}

const editable = (f: FormField) => f.key && !f.readonly && !f.disabled;

/** A day or a day-and-time as the field's subtype wants it (form-js: date, or date-time without an offset). */
function asSubtype(value: unknown, subtype: string | undefined): unknown {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  if (subtype === 'date') return value.slice(0, 10);
  return value.length === 10 ? `${value}T10:00` : value;
}

function normalise(components: FormField[] | undefined, target: Values): void {
  for (const f of components ?? []) {
    if (f.type === 'group') normalise(f.components, f.path ? ((target[f.path] as Values | undefined) ?? {}) : target);
    else if (f.type === 'dynamiclist' && f.path) for (const item of (target[f.path] as Values[] | undefined) ?? []) normalise(f.components, item);
    else if (f.type === 'datetime' && f.key && f.key in target) target[f.key] = asSubtype(target[f.key], f.subtype);
  }
}

function fill(components: FormField[] | undefined, data: Values, today: string, target: Values): void {
  for (const f of components ?? []) {
    if (f.type === 'group') {
      if (f.path) {
        const inner: Values = {};
        fill(f.components, data, today, inner);
        if (Object.keys(inner).length) target[f.path] = inner;
      } else fill(f.components, data, today, target);
    } else if (f.type === 'dynamiclist' && f.path) {
      const item: Values = {};
      fill(f.components, data, today, item);
      target[f.path] = [item];
    } else if (editable(f)) {
      const v = valueOf(f, data, today);
      if (v !== undefined) target[f.key!] = v;
    }
  }
}

/** Values for every editable field of the form, then the scenario's choices on top (groups merged field by field). */
export function fillForm(schema: FormSchema, data: Values, today: string, choices: Values): Values {
  const values: Values = {};
  fill(schema.components, data, today, values);
  const merged: Values = { ...values };
  for (const [k, v] of Object.entries(choices)) {
    const base = merged[k];
    merged[k] = isObject(base) && isObject(v) ? { ...base, ...v } : v;
  }
  normalise(schema.components, merged);
  return merged;
}

const isObject = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);
