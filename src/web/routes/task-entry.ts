import { isTeamTask } from '../auth/roles';
import { type UserTask } from '../camunda/port';
import { enteredFields } from '../forms/entry-fields';
import { type OptionLists } from '../forms/options';
import { type FormSchema } from '../forms/validate';
import { type TaskEntryInput } from '../store/port';

const id = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * The 办理记录 of a completed task: every editable field as entered, what the task was about, and who may read it
 * (a team's task is need-to-know; a unit's or department's task is also theirs; anything else is the office's).
 */
export function taskEntry(task: UserTask, formId: string | undefined, schema: FormSchema, values: Record<string, unknown>,
  variables: Record<string, unknown>, lists: OptionLists): TaskEntryInput {
  const scoped = (task.candidateGroups ?? []).map((g) => /^(?:unit|department):(.+)$/.exec(g)?.[1]).find(Boolean);
  return {
    taskKey: task.userTaskKey,
    formId: formId ?? schema.id ?? '',
    taskName: task.name ?? task.elementId ?? '',
    processInstanceKey: task.processInstanceKey ?? null,
    about: { inspectionId: id(variables.inspectionId), problemId: id(variables.problemId), hazardId: id(variables.hazardId), talkId: id(variables.talkId) },
    audience: isTeamTask(task) ? 'team' : scoped ?? 'office',
    fields: enteredFields(schema, values, lists),
  };
}
