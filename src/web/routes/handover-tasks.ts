import { type CamundaPort } from '../camunda/port';
import { parseValue } from './task-access';

/** The most open handover tasks a department's list links to (more than a department has at once). */
const LIMIT = 500;

/**
 * The open task of each handover awaiting a department (签收移交问题 or 报送办理结果), by handover id: one task
 * search for the department's groups, one variable search for the handover ids of their processes.
 */
export interface HandoverTask {
  key: string;
  /** The task's deadline (签收期限 or 办理结果期限). */
  due?: string;
}

export async function handoverTasks(camunda: CamundaPort, departmentCodes: string[]): Promise<Map<string, HandoverTask>> {
  if (!departmentCodes.length) return new Map();
  const tasks = await camunda.searchUserTasks({
    filter: { state: 'CREATED', processDefinitionId: 'problem-handover', candidateGroup: { $in: departmentCodes.map((c) => `department:${c}`) } },
    page: { limit: LIMIT },
  });
  const instances = [...new Set(tasks.items.map((t) => t.processInstanceKey).filter((k): k is string => !!k))];
  if (!instances.length) return new Map();
  const vars = await camunda.searchVariables({ filter: { scopeKey: { $in: instances }, name: 'handoverId' }, page: { limit: instances.length } });
  const handoverOf = new Map<string, string>();
  for (const v of vars.items) {
    const id = parseValue(v.value);
    if (typeof id === 'string' && v.scopeKey) handoverOf.set(v.scopeKey, id);
  }
  const result = new Map<string, HandoverTask>();
  for (const t of tasks.items) {
    const id = handoverOf.get(t.processInstanceKey ?? '');
    if (id) result.set(id, { key: t.userTaskKey, due: t.dueDate });
  }
  return result;
}
