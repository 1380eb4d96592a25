/// <reference lib="dom" />
/** Chinese texts for the messages bpmn.io components show; unknown texts stay as they are. */
const TEXTS: Record<string, string> = {
  'Field is required.': '此项为必填项。',
  'Field must have minimum value of {value}.': '不能小于 {value}。',
  'Field must have maximum value of {value}.': '不能大于 {value}。',
  'Field must have minimum length of {value}.': '至少需要 {value} 个字。',
  'Field must have maximum length of {value}.': '不能超过 {value} 个字。',
  'Field must match pattern {value}.': '格式不正确。',
  'Field must be a valid email.': '必须是有效的电子邮箱。',
  'Field must be a valid international phone number. (e.g. +4930664040900)': '必须是有效的电话号码。',
  'Date and time must both be entered.': '日期和时间都需要填写。',
  'Search': '搜索',
  'No results': '无结果',
  'Remove tag': '删除',
  'Increment': '增加',
  'Decrement': '减少',
  'Select': '请选择',
  'Date': '日期',
  'Time': '时间',
  'No content to show.': '没有内容。',
  'Nothing to show.': '没有内容。',
  'Add new': '新增一项',
  'Collapse': '收起',
  'Next page': '下一页',
  'Previous page': '上一页',
  'No files selected': '未选择文件',
  'All values selected': '已全部选择',
  'Skip to search': '跳到搜索',
  'Value is not a number.': '必须是数字。',
  'Value is expected to be an integer.': '必须是整数。',
  'Value is expected to have at most 1 decimal digit.': '最多保留 1 位小数。',
  'Value is expected to have at most {value} decimal digits.': '最多保留 {value} 位小数。',
  'Min validation value is not a valid number.': '最小值设置不是有效数字。',
  'Max validation value is not a valid number.': '最大值设置不是有效数字。',
  "External content couldn't be loaded.": '无法加载外部内容。',
  'Document reference is not defined.': '未指定文件。',
  'Expand all ({value})': '全部展开（{value}）',
  'Click to remove sorting': '取消排序',
  'Unable to download document': '无法下载文件',
};

function fill(text: string, replacements?: Record<string, unknown>): string {
  return text.replace(/{([^}]+)}/g, (_m, key: string) => String(replacements?.[key] ?? `{${key}}`));
}

export function translate(template: string, replacements?: Record<string, unknown>): string {
  return fill(TEXTS[template] ?? template, replacements);
}

/** bpmn.io's translate service for form-js. */
export const translateModule = { translate: ['value', translate] };

/** A translate service over `table` and the common texts, for the modeler (palette, context pad, properties panel). */
export function translateWith(table: Record<string, string>) {
  const t = (template: string, replacements?: Record<string, unknown>) => fill(table[template] ?? TEXTS[template] ?? template, replacements);
  return { translate: ['value', t] };
}

export function readJson<T>(id: string): T | undefined {
  const el = document.getElementById(id);
  if (!el?.textContent) return undefined;
  return JSON.parse(el.textContent) as T;
}

export function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

/** POST JSON with the CSRF token; answers the parsed body and status. */
export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}
