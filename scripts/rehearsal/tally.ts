// What the rehearsal counts: every submission it made and whether it reached its process, the inbox of every
// person per engine day, and at the end units inspected, problems closed and incidents, all read through the
// public APIs (REST /v2 and the web app's registers and inbox).
import { type EngineApi } from './engine-api';

export interface Submission {
  kind: string;
  /** A text the submission carried, looked for in the process it started; '' when it was a task completion. */
  marker: string;
  variable: string;
  /** The process waiting for it, and how many element instances it had before: a received report moves it on. */
  processInstanceKey: string;
  before?: number;
  accepted: boolean;
  detail: string;
  taskKey?: string;
}

export class Tally {
  private markers = 0;
  readonly submissions: Submission[] = [];
  private inboxSeen = new Set<string>();
  private inboxRead = new Set<string>();
  /** Inboxes that received more than a page (200) between two reads: their count is a lower bound. */
  readonly overflowed = new Set<string>();
  /** Messages per "login day". */
  readonly perInboxDay = new Map<string, number>();
  readonly lost: Submission[] = [];

  nextMarker(): string {
    this.markers += 1;
    return `（演练第${this.markers}件）`;
  }

  submitted(s: Submission): void {
    this.submissions.push(s);
  }

  /** Checks the submissions made since the last check: a task is completed, a report's text is in its process. */
  async verify(engine: EngineApi, from: number): Promise<void> {
    for (const s of this.submissions.slice(from)) {
      let ok = s.accepted;
      if (ok && s.taskKey) ok = (await engine.task(s.taskKey)).state === 'COMPLETED';
      else if (ok && s.processInstanceKey) {
        ok = (await engine.elementInstances({ processInstanceKey: s.processInstanceKey })).length > (s.before ?? 0);
      } else if (ok && s.marker) {
        const found = await engine.variables({ name: s.variable });
        ok = found.some((v) => v.value.includes(s.marker));
      }
      if (!ok) this.lost.push(s);
    }
  }

  /** Counts the messages not seen before; the number of new ones (the page shows the latest 200). */
  countInbox(login: string, items: { id: string; day: string }[]): number {
    let fresh = 0;
    if (items.length >= 200 && items.every((i) => !this.inboxSeen.has(i.id)) && this.inboxRead.has(login)) this.overflowed.add(login);
    this.inboxRead.add(login);
    for (const item of items) {
      if (this.inboxSeen.has(item.id)) continue;
      fresh += 1;
      this.inboxSeen.add(item.id);
      const key = `${login} ${item.day}`;
      this.perInboxDay.set(key, (this.perInboxDay.get(key) ?? 0) + 1);
    }
    return fresh;
  }

  maxPerInboxDay(): { max: number; where: string } {
    let max = 0;
    let where = '';
    for (const [k, n] of this.perInboxDay) if (n > max) [max, where] = [n, k];
    return { max, where };
  }
}

/** The rows of a CSV export (the web app's register), first row the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [header, ...rest] = rows;
  return rest.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
