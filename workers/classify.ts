import { z } from 'zod';
import { ACCOUNTABILITY_OFFICE, disposalOf } from '../src/domain/disposal';
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
      const { route: finalRoute, departmentCode } = disposalOf(route, {
        industryDepartment: problem.industry && (route === 'handover' || route === 'listing') ? (await departmentForIndustry(db, problem.industry))?.code ?? null : null,
        accountabilityOffice: route === 'accountability' ? (await unitByName(db, ACCOUNTABILITY_OFFICE))?.code ?? null : null,
        unitCode: stored?.unit_code ?? null,
      });
      if (stored) await updateProblem(db, actor, problem.id, 'classify', { route: finalRoute, department_code: departmentCode });
      return { route: finalRoute, departmentCode };
    });
  },
});
