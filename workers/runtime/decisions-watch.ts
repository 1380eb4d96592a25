import { type Camunda8 } from '@camunda8/sdk';
import { ANSWER_NOW } from '../../src/camunda/answer-now';
import { deliverToInbox, markEmailed } from '../../src/db/notifications';
import { componentLogger } from '../../src/logging';
import { resolveRecipients } from '../notify/recipients';
import { chineseDate, render } from '../notify/templates';
import { type WorkerDeps } from './types';

/**
 * 区安委会 is told of every decision that waits for it — plans, teams and reports to approve, listings and
 * delistings, an exhausted escalation ladder, extensions — in its inbox and by e-mail, once per task: the watch reads
 * the committee's open user tasks from the engine, so no diagram needs a notification step before each decision.
 */
export interface DecisionTask {
  userTaskKey: string;
  name?: string;
  dueDate?: string;
  processDefinitionId?: string;
}

export type FindDecisionTasks = () => Promise<DecisionTask[]>;

/** The committee's open tasks (offered to the `committee` group), through the REST API. */
export function committeeTasks(camunda: Camunda8): FindDecisionTasks {
  const client = camunda.getOrchestrationClusterApiClient();
  return async () => {
    const page = await client.searchUserTasks({ filter: { candidateGroup: 'committee', state: 'CREATED' }, page: { limit: 200 } }, ANSWER_NOW);
    return page.items.map((t) => ({ userTaskKey: t.userTaskKey, name: t.name, dueDate: t.dueDate, processDefinitionId: t.processDefinitionId }));
  };
}

/** Puts each task into every committee account's inbox and e-mails it, once per task and account; returns how many were new. */
export async function notifyDecisionsDue(deps: WorkerDeps, tasks: DecisionTask[]): Promise<number> {
  if (tasks.length === 0) return 0;
  const recipients = await resolveRecipients(deps.db, ['committee'], {});
  const at = deps.clock().toISOString();
  let created = 0;
  for (const task of tasks) {
    const { subject, body } = render('decision-due', {
      unitName: '', reason: task.name ?? '待决定事项', due: task.dueDate ? chineseDate(task.dueDate) : undefined,
      link: deps.settings.publicUrl ? `${deps.settings.publicUrl.replace(/\/$/, '')}/tasks/${task.userTaskKey}` : undefined,
    });
    for (const r of recipients) {
      const key = `decision-due:${task.userTaskKey}:${r.key}`;
      const row = await deliverToInbox(deps.db, { idempotencyKey: key, accountId: r.key, template: 'decision-due', subject, body, email: r.email }, at);
      if (row.created) created++;
      if (deps.mailer.enabled && r.email && !row.emailedAt) {
        await deps.mailer.send({ to: r.email, subject, text: body, messageId: `<${key.replace(/[^A-Za-z0-9.:-]/g, '-')}@yicheng.local>` });
        await markEmailed(deps.db, row.id, deps.clock().toISOString());
      }
    }
  }
  return created;
}

/** Looks every `everyMs` (first after `firstAfterMs`); a look still running is not overlapped. Returns the stop function. */
export function watchCommitteeDecisions(find: FindDecisionTasks, deps: WorkerDeps, everyMs = 60_000, firstAfterMs = 5_000): () => void {
  const log = componentLogger('decisions-watch', deps.logger);
  let running = false;
  const look = () => {
    if (running) return;
    running = true;
    find().then((tasks) => notifyDecisionsDue(deps, tasks))
      .then((n) => { if (n > 0) log.info({ messages: n }, 'committee told of decisions due'); },
        (err: unknown) => log.warn({ err }, 'could not look for the committee\'s decisions'))
      .finally(() => { running = false; });
  };
  const first = setTimeout(look, firstAfterMs);
  const every = setInterval(look, everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
