import { type CamundaPort, type UserTask } from '../camunda/port';
import { type WebStore } from '../store/port';
import { parseValue } from './task-access';

/** What a task-list row says about its task besides its name: the unit it concerns and the team working on it. */
export interface TaskSubject {
  unitName?: string;
  teamName?: string;
}

/**
 * The unit and team of each task on a page, read from its process instance's `unitName` and `teamId` (else the
 * team recorded for its `inspectionId`): one variable search for the whole page, team names from the store.
 */
export async function taskSubjects(camunda: CamundaPort, store: Pick<WebStore, 'inspectionTeams' | 'teamNames'>, tasks: UserTask[]): Promise<Map<string, TaskSubject>> {
  const instances = [...new Set(tasks.map((t) => t.processInstanceKey).filter((k): k is string => !!k))];
  if (!instances.length) return new Map();
  const names = ['unitName', 'teamId', 'inspectionId'];
  const vars = await camunda.searchVariables({ filter: { scopeKey: { $in: instances }, name: { $in: names } }, page: { limit: names.length * instances.length } });
  const of = new Map<string, Record<string, string>>();
  for (const v of vars.items) {
    const value = parseValue(v.value);
    if (typeof value === 'string' && v.scopeKey) of.set(v.scopeKey, { ...of.get(v.scopeKey), [v.name]: value });
  }
  const inspections = [...new Set([...of.values()].filter((o) => !o.teamId && o.inspectionId).map((o) => o.inspectionId!))];
  const teamOfInspection = await store.inspectionTeams(inspections);
  const teamOf = (o: Record<string, string> | undefined) => o?.teamId ?? (o?.inspectionId ? teamOfInspection.get(o.inspectionId) ?? undefined : undefined);
  const teamNames = await store.teamNames([...new Set([...of.values()].map(teamOf).filter((t): t is string => !!t))]);
  const result = new Map<string, TaskSubject>();
  for (const t of tasks) {
    const o = of.get(t.processInstanceKey ?? '');
    const team = teamOf(o);
    result.set(t.userTaskKey, { unitName: o?.unitName, teamName: team ? teamNames.get(team) : undefined });
  }
  return result;
}
