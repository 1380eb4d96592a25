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

/** Shows a date-time in China Standard Time, e.g. 2026-11-28 20:38. */
export function formatTime(value: string | undefined | null): string {
  if (!value) return '—';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const d = new Date(t + 8 * 60 * 60 * 1000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
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
