import { trafficLight } from '../../domain/escalation';
import { html, type SafeHtml } from '../html';

export type Traffic = 'green' | 'yellow' | 'red';

/** Due-date colour (the domain's traffic light): red when overdue, yellow within two days, green otherwise. */
export function dueColor(due: string | undefined | null, now: Date): Traffic | undefined {
  if (!due) return undefined;
  const t = Date.parse(due);
  return Number.isNaN(t) ? undefined : trafficLight(now, new Date(t), 2);
}

export const TRAFFIC_LABEL: Record<Traffic, string> = { green: '正常', yellow: '临期', red: '逾期' };

export function trafficBadge(color: Traffic | undefined, text?: string, labels: Record<Traffic, string> = TRAFFIC_LABEL): SafeHtml {
  if (!color) return html`<span class="muted">—</span>`;
  return html`<span class="badge ${color}">${labels[color]}${text ? html` · ${text}` : ''}</span>`;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type CstParts = { readonly y: number; readonly m: number; readonly d: number; readonly time?: string };

/** Parsed dates kept: a task list shows the same few deadlines on many rows and pages, and parsing them was costly. */
const MAX_PARSED = 4096;
const parsed = new Map<string, CstParts | undefined>();

/** The parts of a date-time in China Standard Time (Asia/Shanghai has kept UTC+8 without daylight saving since 1991). */
function cstParts(value: string): CstParts | undefined {
  if (parsed.has(value)) return parsed.get(value);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  const parts = parseCst(value);
  parsed.set(value, parts);
  return parts;
}

function parseCst(value: string): CstParts | undefined {
  const bare = BARE_DATE.exec(value);
  if (bare) return { y: Number(bare[1]), m: Number(bare[2]), d: Number(bare[3]) };
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  const iso = new Date(t + CST_OFFSET_MS).toISOString();
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)), time: iso.slice(11, 16) };
}

/** A date as people read it, e.g. 2027年3月1日 (the day in China Standard Time). */
export function formatDate(value: string | undefined | null): string {
  if (!value) return '—';
  const p = cstParts(value);
  return p ? `${p.y}年${p.m}月${p.d}日` : value;
}

/** A date-time as people read it, in China Standard Time, e.g. 2027年3月1日 15:00; a bare date shows as a date. */
export function formatTime(value: string | undefined | null): string {
  if (!value) return '—';
  const p = cstParts(value);
  if (!p) return value;
  return p.time === undefined ? `${p.y}年${p.m}月${p.d}日` : `${p.y}年${p.m}月${p.d}日 ${p.time}`;
}

/** A date-time in China Standard Time in a form spreadsheets sort and parse, e.g. 2026-11-28 20:38 (exports). */
export function sortableTime(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function priorityLabel(priority: number | undefined): SafeHtml {
  const p = priority ?? 50;
  const level = p >= 75 ? ['high', '高'] : p >= 40 ? ['normal', '中'] : ['low', '低'];
  return html`<span class="priority ${level[0]}" title="优先级 ${p}">${level[1]}</span>`;
}

export const STATE_LABELS: Record<string, string> = {
  ACTIVE: '进行中',
  COMPLETED: '已完成',
  TERMINATED: '已终止',
  CANCELED: '已取消',
  CREATED: '待办',
  FAILED: '失败',
};
