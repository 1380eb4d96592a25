import { evaluate, evaluateTyped, isExpression } from '../../../feel';
import { type UserTaskDefinition } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';

export interface UserTaskAttributes {
  assignee: string;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate: string;
  followUpDate: string;
  priority: number;
  externalFormReference: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/** Evaluates the assignment, schedule, priority and external form of a Camunda user task (A9). */
export function evaluateUserTaskAttributes(ctx: ProcessingContext, el: Element, def: UserTaskDefinition): Result<UserTaskAttributes> {
  const variables = ctx.state.visibleVariables(el.inst.key);
  const assignee = optionalString(def.assignee, variables, ctx.now);
  if (!assignee.ok) return assignee;
  const candidateUsers = list(def.candidateUsers, variables, ctx.now);
  if (!candidateUsers.ok) return candidateUsers;
  const candidateGroups = list(def.candidateGroups, variables, ctx.now);
  if (!candidateGroups.ok) return candidateGroups;
  const dueDate = dateTime(def.dueDate, variables, ctx.now);
  if (!dueDate.ok) return dueDate;
  const followUpDate = dateTime(def.followUpDate, variables, ctx.now);
  if (!followUpDate.ok) return followUpDate;
  const priority = priorityOf(def.priority, variables, ctx.now);
  if (!priority.ok) return priority;
  const externalFormReference = optionalString(def.externalFormReference, variables, ctx.now);
  if (!externalFormReference.ok) return externalFormReference;
  return {
    ok: true,
    value: {
      assignee: assignee.value, candidateUsers: candidateUsers.value, candidateGroups: candidateGroups.value,
      dueDate: dueDate.value, followUpDate: followUpDate.value, priority: priority.value,
      externalFormReference: externalFormReference.value,
    },
  };
}

function optionalString(text: string | undefined, variables: Record<string, unknown>, now: number): Result<string> {
  if (text === undefined || text.trim() === '') return { ok: true, value: '' };
  if (!isExpression(text)) return { ok: true, value: text.trim() };
  const result = evaluate(text, variables, now);
  if (result.ok && result.value === null) return { ok: true, value: '' };
  return evaluateTyped(text, 'STRING', variables, now);
}

function list(text: string | undefined, variables: Record<string, unknown>, now: number): Result<string[]> {
  if (text === undefined || text.trim() === '') return { ok: true, value: [] };
  if (!isExpression(text)) return { ok: true, value: text.split(',').map((s) => s.trim()).filter((s) => s !== '') };
  const result = evaluate(text, variables, now);
  if (result.ok && typeof result.value === 'string') return { ok: true, value: result.value.split(',').map((s) => s.trim()).filter(Boolean) };
  const typed = evaluateTyped(text, 'ARRAY', variables, now);
  if (!typed.ok) return typed;
  if (!typed.value.every((v) => typeof v === 'string')) {
    return { ok: false, message: `Expected result of the expression '${text.trim().slice(1)}' to be a list of strings, but was '${JSON.stringify(typed.value)}'.` };
  }
  return { ok: true, value: typed.value as string[] };
}

function dateTime(text: string | undefined, variables: Record<string, unknown>, now: number): Result<string> {
  if (text === undefined || text.trim() === '') return { ok: true, value: '' };
  let value: unknown = text.trim();
  if (isExpression(text)) {
    const result = evaluate(text, variables, now);
    if (!result.ok) return result;
    value = result.value;
  }
  if (value === null || value === '') return { ok: true, value: '' };
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value.replace(/\[.*\]$/, '')))) {
    return { ok: false, message: `Expected result of the expression '${text.trim().replace(/^=/, '')}' to be a valid date-time string, but was '${String(value)}'.` };
  }
  return { ok: true, value };
}

function priorityOf(text: string | undefined, variables: Record<string, unknown>, now: number): Result<number> {
  if (text === undefined || text.trim() === '') return { ok: true, value: 50 };
  const result: Result<number> = isExpression(text) ? evaluateTyped(text, 'NUMBER', variables, now) : { ok: true, value: Number(text) };
  if (!result.ok) return result;
  if (!Number.isInteger(result.value) || result.value < 0 || result.value > 100) {
    return { ok: false, message: `Expected priority to be an integer between 0 and 100, but was '${result.value}'.` };
  }
  return result;
}
