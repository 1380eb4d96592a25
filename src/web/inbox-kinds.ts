/**
 * Kinds of inbox messages a reader filters by, each a group of the notification templates of workers/JOB-TYPES.md.
 * A template in none of the named groups (one added later) counts as 其他, so no message falls out of every filter.
 */
const GROUPS = {
  notice: { label: '通知', templates: ['advance-notice', 'team-notice', 'training-notice', 'entry-notice', 'feedback', 'talk', 'results-copy'] },
  task: { label: '移交与督办', templates: ['handover', 'listing', 'escalation'] },
  reminder: { label: '催办与逾期', templates: ['report-reminder', 'report-overdue', 'handover-overdue', 'listing-progress-due', 'rectification-reminder', 'rectification-overdue'] },
  returned: { label: '退回修改', templates: ['plan-returned', 'report-returned', 'rectification-returned'] },
} as const;

export type InboxKind = keyof typeof GROUPS | 'other';

export const INBOX_KINDS: Array<[InboxKind, string]> = [...(Object.entries(GROUPS) as Array<[keyof typeof GROUPS, { label: string }]>).map(([k, g]) => [k, g.label] as [InboxKind, string]), ['other', '其他']];

export const isInboxKind = (v: unknown): v is InboxKind => INBOX_KINDS.some(([k]) => k === v);

/** The templates a kind takes in (`only`), or, for 其他, those it leaves out (`exclude`). */
export function templatesOf(kind: InboxKind): { only: string[] } | { exclude: string[] } {
  if (kind === 'other') return { exclude: Object.values(GROUPS).flatMap((g) => [...g.templates]) };
  return { only: [...GROUPS[kind].templates] };
}

/** The label of a message's kind. */
export function kindLabelOf(template: string): string {
  return Object.values(GROUPS).find((g) => (g.templates as readonly string[]).includes(template))?.label ?? '其他';
}
