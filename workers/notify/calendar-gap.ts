import { accountsWithRole } from '../../src/db/accounts';
import { deliverToInbox, markEmailed } from '../../src/db/notifications';
import { type WorkCalendar } from '../../src/domain/calendar';
import { type WorkerDeps } from '../runtime/types';

export const CALENDAR_GAP_TEMPLATE = 'calendar-arrangement-missing';

/** The years from the start's to the due date's that have neither chinese-days data nor an entered arrangement. */
export function uncoveredYears(calendar: WorkCalendar, from: string, due: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(due.slice(0, 4)); y++) {
    if (calendar.coverage(y) === 'weekends-only') years.push(y);
  }
  return years;
}

/**
 * Tells the 区安委办 once per year (inbox, and e-mail when configured) that deadlines in that year count only
 * weekends as rest days until the State Council's holiday arrangement is entered on the calendar page.
 */
export async function reportUncoveredYears(deps: WorkerDeps, years: readonly number[], at: string): Promise<void> {
  if (years.length === 0) return;
  const office = await accountsWithRole(deps.db, 'office');
  for (const year of years) {
    const subject = `请录入${year}年节假日安排`;
    const body = `系统中尚无${year}年的法定节假日和调休安排，落在${year}年的法定期限目前只按周末顺延，未考虑春节等节假日。`
      + `请在国务院办公厅公布${year}年部分节假日安排后，于“节假日日历”页面（/admin/calendar）录入。`;
    for (const account of office) {
      const key = `${CALENDAR_GAP_TEMPLATE}:${year}:${account.id}`;
      const row = await deliverToInbox(deps.db, { idempotencyKey: key, accountId: account.id, template: CALENDAR_GAP_TEMPLATE, subject, body, email: account.email }, at);
      if (deps.mailer.enabled && account.email && !row.emailedAt) {
        await deps.mailer.send({ to: account.email, subject, text: body, messageId: `<${key.replace(/[^A-Za-z0-9.:-]/g, '-')}@yicheng.local>` });
        await markEmailed(deps.db, row.id, deps.clock().toISOString());
      }
    }
    if (office.length) deps.logger.warn({ year }, 'no holiday arrangement for the year; office notified');
  }
}
