import { Router } from 'express';
import { z } from 'zod';
import { chinaDate } from '../../domain/calendar';
import { type WebDeps } from '../deps';
import { proposalFormOf } from '../forms/proposal';
import { parseFormSchema } from '../forms/validate';
import { HttpError, badRequest, keyParam, requireUser } from '../http';
import { loadTaskAccess, requireWork } from './task-access';

const request = z.object({
  year: z.coerce.number().int().min(2021).max(2100).optional(),
  cycleStart: z.string().regex(/^\d{4}-\d{2}-\d{2}/).transform((v) => v.slice(0, 10)).optional(),
}).strict();

/**
 * 生成建议方案: the plan assistant's proposal for the annual plan draft or the team proposal task, as values of the
 * task's form, which the office edits and submits (the plan and team checks then run on what it submits).
 */
export function planAssistantRoutes(deps: WebDeps): Router {
  const router = Router();
  const { now } = deps;

  router.post('/tasks/:key/proposal', async (req, res) => {
    const user = requireUser(res);
    const access = await loadTaskAccess(deps.camunda, deps.store, user, keyParam(req.params.key));
    requireWork(access);
    const { task, variables } = access;
    if (task.assignee && task.assignee !== user.username) throw new HttpError(409, `该任务已由 ${task.assignee} 认领，您不能办理。`);
    const form = await deps.camunda.getUserTaskForm(task.userTaskKey);
    const kind = proposalFormOf(form?.formId ?? parseFormSchema(form?.schema)?.id);
    if (!kind) throw badRequest('此任务不提供建议方案。');
    const { _csrf: _, ...fields } = (req.body ?? {}) as Record<string, unknown>;
    const parsed = request.safeParse(fields);
    if (!parsed.success) throw badRequest('巡查年度或周期起始日填写有误。');
    const plan = (variables.plan ?? {}) as { year?: unknown; cycleStart?: unknown };
    const today = chinaDate(now());
    const year = kind === 'team-proposal' ? Number(variables.year) : parsed.data.year ?? numberOr(plan.year, nextPlanYear(today));
    if (!Number.isInteger(year)) throw badRequest('任务中没有巡查年度。');
    const planId = kind === 'team-proposal' ? String(variables.planId ?? '') : undefined;
    if (planId === '') throw badRequest('任务中没有已批准的年度巡查工作方案。');
    const cycleStart = parsed.data.cycleStart ?? (typeof plan.cycleStart === 'string' ? plan.cycleStart.slice(0, 10) : undefined);

    const proposal = await deps.store.planProposal({ year, cycleStart, planId, today });
    await deps.store.audit({ actor: user.username, action: 'plan.proposal', target: task.userTaskKey, outcome: proposal.feasible ? 'ok' : 'failed',
      detail: { year, seconds: proposal.seconds, reasons: proposal.reasons.length }, ip: req.ip });
    const values = !proposal.feasible ? undefined
      : kind === 'annual-plan-draft' ? { plan: proposal.plan }
        : { teams: proposal.teams, recusalStatement: proposal.recusalStatement };
    res.json({ feasible: proposal.feasible, reasons: proposal.reasons, seconds: proposal.seconds, trainings: proposal.trainings, values });
  });

  return router;
}

/** From October the office drafts next year's plan. */
const nextPlanYear = (today: string) => Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 10 ? 1 : 0);

const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) ? value : fallback);
