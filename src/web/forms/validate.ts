import { evaluate } from 'feelin';
import { checkDateValue, type DateSubtype } from './dates';
import { type OptionLists } from './options';

/**
 * Server-side validation of a submitted Camunda Form, with the rules form-js applies in the browser: required,
 * min/max, minLength/maxLength, pattern, email/phone, number type, options of select/radio/checklist/taglist (static
 * `values`, or the list the web app supplied under the field's `valuesKey`), dates (real calendar dates, see ./dates).
 * Hidden fields (`conditional.hide`) are skipped and dropped. Only the form's own fields come back, so a client
 * cannot set process variables the form does not offer.
 */
export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  label?: string;
  /** form-js datetime fields carry their labels here instead of `label`. */
  dateLabel?: string;
  timeLabel?: string;
  components?: FormComponent[];
  validate?: Record<string, unknown>;
  conditional?: { hide?: string };
  values?: Array<{ value: unknown; label?: string }>;
  /** form-js: the options are the list under this key of the form data. */
  valuesKey?: string;
  valuesExpression?: string;
  readonly?: boolean | string;
  disabled?: boolean;
  subtype?: string;
  serializeToString?: boolean;
}

export interface FormSchema {
  id?: string;
  components?: FormComponent[];
}

export interface ValidationResult {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

const CONTAINERS = new Set(['group', 'dynamiclist']);
const NO_VALUE = new Set(['text', 'html', 'image', 'separator', 'spacer', 'button', 'table', 'iframe', 'documentPreview', 'expression', 'filepicker']);
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const PHONE = /^(\+|00)?[0-9][0-9\s-]{5,19}$/;
const subtypeOf = (c: FormComponent): DateSubtype => (c.subtype === 'date' || c.subtype === 'time' ? c.subtype : 'datetime');

/** FEEL values in validation rules (`=…`) are evaluated against the submitted data, as form-js does. */
function feel(value: unknown, context: Record<string, unknown>): unknown {
  if (typeof value !== 'string' || !value.startsWith('=')) return value;
  try {
    return evaluate(value.slice(1), context).value;
  } catch {
    return undefined;
  }
}

function isHidden(c: FormComponent, context: Record<string, unknown>): boolean {
  return typeof c.conditional?.hide === 'string' && feel(c.conditional.hide.startsWith('=') ? c.conditional.hide : `=${c.conditional.hide}`, context) === true;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The values a selection field offers: the supplied list for a `valuesKey` (none supplied: nothing is valid), else its
 * static `values`; undefined when the options come from a FEEL expression the server does not evaluate.
 */
function offered(c: FormComponent, lists: OptionLists): unknown[] | undefined {
  if (c.valuesKey !== undefined) return (lists[c.valuesKey] ?? []).map((o) => o.value);
  if (c.values !== undefined) return c.values.map((o) => o.value);
  return c.valuesExpression !== undefined ? undefined : [];
}

function checkField(c: FormComponent, value: unknown, context: Record<string, unknown>, lists: OptionLists): string | undefined {
  const name = `「${c.label ?? c.dateLabel ?? c.timeLabel ?? c.key}」`;
  const rules = c.validate ?? {};
  if (rules.required === true && (isEmpty(value) || (c.type === 'checkbox' && value !== true))) return `${name}为必填项。`;
  if (isEmpty(value)) return undefined;

  switch (c.type) {
    case 'number': {
      const n = typeof value === 'string' && c.serializeToString ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return `${name}必须是数字。`;
      const min = feel(rules.min, context);
      const max = feel(rules.max, context);
      if (typeof min === 'number' && n < min) return `${name}不能小于 ${min}。`;
      if (typeof max === 'number' && n > max) return `${name}不能大于 ${max}。`;
      return undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : `${name}取值无效。`;
    case 'checklist':
    case 'taglist': {
      if (!Array.isArray(value)) return `${name}取值无效。`;
      const allowed = offered(c, lists);
      return allowed && value.some((v) => !allowed.includes(v)) ? `${name}包含无效选项。` : undefined;
    }
    case 'select':
    case 'radio': {
      const allowed = offered(c, lists);
      return allowed && !allowed.includes(value) ? `${name}不是有效选项。` : undefined;
    }
    case 'datetime':
      return typeof value === 'string' ? checkDateValue(subtypeOf(c), value, name).error : `${name}取值无效。`;
    default: {
      if (typeof value !== 'string') return `${name}必须是文本。`;
      const text = value.trim();
      const minLength = feel(rules.minLength, context);
      const maxLength = feel(rules.maxLength, context);
      if (typeof minLength === 'number' && text.length < minLength) return `${name}至少需要 ${minLength} 个字。`;
      if (typeof maxLength === 'number' && text.length > maxLength) return `${name}不能超过 ${maxLength} 个字。`;
      if (typeof rules.pattern === 'string' && !safeRegExp(rules.pattern)?.test(value)) {
        return typeof rules.patternErrorMessage === 'string' ? rules.patternErrorMessage : `${name}格式不正确。`;
      }
      if (rules.validationType === 'email' && !EMAIL.test(value)) return `${name}必须是有效的电子邮箱。`;
      if (rules.validationType === 'phone' && !PHONE.test(value)) return `${name}必须是有效的电话号码。`;
      return undefined;
    }
  }
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

interface Walk {
  lists: OptionLists;
  errors: Record<string, string>;
}

function walk(
  components: FormComponent[],
  data: Record<string, unknown>,
  context: Record<string, unknown>,
  out: Record<string, unknown>,
  w: Walk,
  prefix: string,
): void {
  for (const c of components) {
    if (isHidden(c, context)) continue;
    if (c.type === 'group' && c.components) {
      const nested = c.path ? asObject(data[c.path]) : data;
      const target = c.path ? ((out[c.path] = {}) as Record<string, unknown>) : out;
      walk(c.components, nested, { ...context, ...nested }, target, w, c.path ? `${prefix}${c.path}.` : prefix);
      continue;
    }
    if (c.type === 'dynamiclist' && c.path && c.components) {
      const items = Array.isArray(data[c.path]) ? (data[c.path] as unknown[]) : [];
      out[c.path] = items.map((item, i) => {
        const row: Record<string, unknown> = {};
        walk(c.components!, asObject(item), { ...context, ...asObject(item) }, row, w, `${prefix}${c.path}[${i}].`);
        return row;
      });
      continue;
    }
    if (!c.key || NO_VALUE.has(c.type) || CONTAINERS.has(c.type)) continue;
    if (c.disabled === true || c.readonly === true) continue; // not editable: the process keeps its own value
    const value = data[c.key];
    const error = checkField(c, value, context, w.lists);
    if (error) w.errors[`${prefix}${c.key}`] = error;
    else if (c.type === 'datetime' && typeof value === 'string' && value !== '') out[c.key] = checkDateValue(subtypeOf(c), value, '').value;
    else if (value !== undefined) out[c.key] = c.type === 'number' && typeof value === 'string' && !c.serializeToString ? Number(value) : value;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Top-level keys the user may edit: fields that are neither read-only nor disabled, groups' paths, lists' paths. */
function editableKeys(components: FormComponent[], out = new Set<string>()): Set<string> {
  for (const c of components) {
    if ((c.type === 'group' || c.type === 'dynamiclist') && c.components) {
      if (c.path) out.add(c.path);
      else editableKeys(c.components, out);
      continue;
    }
    if (c.key && !NO_VALUE.has(c.type) && c.disabled !== true && c.readonly !== true) out.add(c.key);
  }
  return out;
}

/**
 * `lists` are the option lists the form was rendered with, keyed by `valuesKey` (see ./options). `processData` are
 * the task's own variables: conditions and FEEL rules see them, overlaid only by what the user may edit, so a
 * client cannot hide a required field by sending a read-only value or a variable the form does not offer.
 */
export function validateSubmission(schema: FormSchema, submitted: unknown, lists: OptionLists = {}, processData: Record<string, unknown> = {}): ValidationResult {
  const data = asObject(submitted);
  const context: Record<string, unknown> = { ...processData };
  for (const key of editableKeys(schema.components ?? [])) if (key in data) context[key] = data[key];
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  walk(schema.components ?? [], data, context, values, { lists, errors }, '');
  return { values, errors };
}

/**
 * The variables a form can show: those it names anywhere (field keys, paths, FEEL expressions, templates). The
 * page gets only these, so process data the form does not use (a complainant's name and phone) never reaches it.
 */
export function formData(schema: FormSchema, variables: Record<string, unknown>): Record<string, unknown> {
  const names = new Set<string>();
  const identifiers = (text: string) => { for (const m of text.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g)) names.add(m[0]); };
  // names are what the form binds (keys, paths, option lists), FEEL expressions (=…) and templates ({{…}}); never
  // ids or prose, so that the form's id (complaint-verification) does not hand over a variable named `complaint`
  const collect = (v: unknown, property?: string): void => {
    if (typeof v === 'string') {
      if (property === 'key' || property === 'path' || property === 'valuesKey' || v.startsWith('=')) identifiers(v);
      for (const m of v.matchAll(/\{\{([^}]*)\}\}/g)) identifiers(m[1]!);
    } else if (Array.isArray(v)) v.forEach((x) => collect(x, property));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => collect(x, k));
  };
  collect(schema);
  return Object.fromEntries(Object.entries(variables).filter(([name]) => names.has(name)));
}

/** Parses the schema the REST API returns (a JSON string per the spec, an object in some clients). */
export function parseFormSchema(schema: string | object | undefined): FormSchema | undefined {
  if (schema === undefined || schema === null) return undefined;
  if (typeof schema === 'object') return schema as FormSchema;
  try {
    const parsed = JSON.parse(schema) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as FormSchema) : undefined;
  } catch {
    return undefined;
  }
}
