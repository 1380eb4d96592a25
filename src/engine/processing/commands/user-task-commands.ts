import { type JsonObject, type Key, type UserTaskAssignRequest, type UserTaskChangeset, type UserTaskRecordValue } from '../../api';
import { type UserTask } from '../../state/types';
import { type ProcessingContext } from '../context';
import { elementOf } from '../elements/shared/element';
import { completeElement } from '../elements/shared/lifecycle';
import { applyPayload } from '../elements/shared/variables';
import { checkVariables } from './create-instance';

/** Camunda user task commands (A9): assign, unassign, update, complete. */

function requireTask(ctx: ProcessingContext, key: Key, intent: string, action: string): UserTask {
  const task = ctx.state.userTasks.get(key);
  if (!task) ctx.reject('USER_TASK', intent, 'NOT_FOUND', `Expected to ${action} user task with key '${key}', but no such user task was found`);
  if (task.state !== 'CREATED') {
    ctx.reject('USER_TASK', intent, 'INVALID_STATE', `Expected to ${action} user task with key '${key}', but it is in state '${task.state}'`);
  }
  return task;
}

export function assignUserTask(ctx: ProcessingContext, key: Key, req: UserTaskAssignRequest): void {
  // without override Camunda sends a CLAIM command, and its refusals speak of claiming
  const claim = req.allowOverride === false;
  const task = claim ? requireTask(ctx, key, 'CLAIM', 'claim') : requireTask(ctx, key, 'ASSIGN', 'assign');
  if (claim && (typeof req.assignee !== 'string' || req.assignee.trim() === '')) {
    ctx.reject('USER_TASK', 'CLAIM', 'INVALID_STATE', `Expected to claim user task with key '${key}', but provided assignee is empty`);
  }
  if (typeof req.assignee !== 'string' || req.assignee.trim() === '') {
    ctx.reject('USER_TASK', 'ASSIGN', 'INVALID_ARGUMENT', `Expected to assign user task with key '${key}' to an assignee, but none was given`);
  }
  if (claim && task.value.assignee !== '' && task.value.assignee !== req.assignee) {
    ctx.reject('USER_TASK', 'CLAIM', 'INVALID_STATE', `Expected to claim user task with key '${key}', but it has already been assigned`);
  }
  const value: UserTaskRecordValue = { ...task.value, assignee: req.assignee, action: req.action ?? 'assign', changedAttributes: ['assignee'] };
  ctx.event('USER_TASK', 'ASSIGNING', key, value);
  ctx.event('USER_TASK', 'ASSIGNED', key, value);
}

export function unassignUserTask(ctx: ProcessingContext, key: Key): void {
  // unassigning is an ASSIGN command with an empty assignee
  const task = requireTask(ctx, key, 'ASSIGN', 'assign');
  const value: UserTaskRecordValue = { ...task.value, assignee: '', action: 'unassign', changedAttributes: ['assignee'] };
  ctx.event('USER_TASK', 'ASSIGNING', key, value);
  ctx.event('USER_TASK', 'ASSIGNED', key, value);
}

export function updateUserTask(ctx: ProcessingContext, key: Key, changeset: UserTaskChangeset, action?: string): void {
  const task = requireTask(ctx, key, 'UPDATE', 'update');
  const value: UserTaskRecordValue = { ...task.value, action: action ?? 'update', changedAttributes: [] };
  const changed = (name: string): void => void value.changedAttributes.push(name);
  if (changeset.dueDate !== undefined) {
    value.dueDate = checkDate(ctx, key, 'dueDate', changeset.dueDate);
    changed('dueDate');
  }
  if (changeset.followUpDate !== undefined) {
    value.followUpDate = checkDate(ctx, key, 'followUpDate', changeset.followUpDate);
    changed('followUpDate');
  }
  if (changeset.candidateUsers !== undefined) {
    value.candidateUsersList = changeset.candidateUsers ?? [];
    changed('candidateUsersList');
  }
  if (changeset.candidateGroups !== undefined) {
    value.candidateGroupsList = changeset.candidateGroups ?? [];
    changed('candidateGroupsList');
  }
  if (changeset.priority !== undefined) {
    const priority = changeset.priority ?? 50;
    if (!Number.isInteger(priority) || priority < 0 || priority > 100) {
      ctx.reject('USER_TASK', 'UPDATE', 'INVALID_ARGUMENT', `Expected to update user task with key '${key}' with a priority between 0 and 100, but it was '${priority}'`);
    }
    value.priority = priority;
    changed('priority');
  }
  ctx.event('USER_TASK', 'UPDATING', key, value);
  ctx.event('USER_TASK', 'UPDATED', key, value);
}

function checkDate(ctx: ProcessingContext, key: Key, name: string, value: string | null): string {
  if (value === null || value === '') return '';
  if (Number.isNaN(Date.parse(value.replace(/\[.*\]$/, '')))) {
    ctx.reject('USER_TASK', 'UPDATE', 'INVALID_ARGUMENT', `Expected to update user task with key '${key}' with a valid ISO-8601 ${name}, but it was '${value}'`);
  }
  return value;
}

export function completeUserTask(ctx: ProcessingContext, key: Key, variables: JsonObject | undefined, action?: string): void {
  const task = requireTask(ctx, key, 'COMPLETE', 'complete');
  const doc = checkVariables(ctx, variables, 'USER_TASK', 'COMPLETE');
  const value: UserTaskRecordValue = { ...task.value, variables: doc, action: action ?? 'complete', changedAttributes: [] };
  ctx.event('USER_TASK', 'COMPLETING', key, value);
  ctx.event('USER_TASK', 'COMPLETED', key, value);
  const el = elementOf(ctx, task.value.elementInstanceKey);
  if (!el) return;
  applyPayload(ctx, el, doc);
  completeElement(ctx, el);
}
