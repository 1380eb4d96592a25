import { z } from 'zod';
import { classify, type Category, type Severity } from '../src/domain/problems';
import { once } from '../src/db/effects';
import { departmentForIndustry, unitByName } from '../src/db/organisation';
import { getProblem, updateProblem } from '../src/db/registers/inspections';
import { defineWorker } from './runtime/types';

/**
 * yc-classify: default disposal of a problem where the DMN is not called: route and responsible department
 * (routing table industry → supervising department); recorded on the problem once.
 */
export const input = z.object({
  problem: z.object({
    id: z.string().min(1),
    category: z.enum(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']),
    severity: z.enum(['一般', '较大', '重大']),
    industry: z.string().nullish(),
    enterpriseCode: z.string().nullish(),
  }),
});

export default defineWorker({
  type: 'yc-classify',
  description: '问题分类处置：整改、移交、挂牌督办或问责',
  input,
  headers: z.object({}),
  async handle({ input: { problem }, deps, effectKey, actor }) {
    return once(deps.db, effectKey, actor.at, async (db) => {
      const route = classify({ category: problem.category as Category, severity: problem.severity as Severity, industry: problem.industry, enterpriseCode: problem.enterpriseCode });
      const stored = await getProblem(db, problem.id);
      let departmentCode: string | null = null;
      if (route === 'handover' || route === 'listing') {
        departmentCode = problem.industry ? (await departmentForIndustry(db, problem.industry))?.code ?? null : null;
      }
      if (route === 'accountability') departmentCode = (await unitByName(db, '区委组织部'))?.code ?? null;
      if (route === 'rectify') departmentCode = stored?.unit_code ?? null;
      // No department handles this industry: the office decides, so fall back to rectification by the unit.
      const finalRoute = route === 'handover' && !departmentCode ? 'rectify' : route;
      if (finalRoute === 'rectify' && !departmentCode) departmentCode = stored?.unit_code ?? null;
      if (stored) await updateProblem(db, actor, problem.id, 'classify', { route: finalRoute, department_code: departmentCode });
      return { route: finalRoute, departmentCode };
    });
  },
});
