import { type UserTaskRecordValue } from '../../../api';
import { type FormDefinition } from '../../../state/types';
import { type ProcessingContext } from '../../context';
import { completeWithOutputs } from '../shared/activity';
import { type Element, lifecycle } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { cancelJob } from '../shared/jobs';
import { type ElementProcessor } from '../shared/processor';
import { boundaryCatchNodes, openSubscriptions } from '../events/subscriptions';
import { evaluateUserTaskAttributes } from './user-task-attributes';
import { applyInputMappings } from '../shared/variables';
import { activateJobWorker } from './job-worker-task';

/**
 * User tasks (A9). Camunda user tasks (`zeebe:userTask`) live as USER_TASK records owned by the engine;
 * without it the task is a job of type `io.camunda.zeebe:userTask` (deprecated, still supported).
 */
export const userTaskProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    if (!el.node.userTask) return activateJobWorker(ctx, el);
    activateCamundaUserTask(ctx, el);
  },
  onComplete: completeWithOutputs,
  onTerminate(ctx, el) {
    cancelJob(ctx, el);
    const task = el.inst.userTaskKey ? ctx.state.userTasks.get(el.inst.userTaskKey) : undefined;
    if (!task) return;
    ctx.event('USER_TASK', 'CANCELING', task.key, task.value);
    ctx.event('USER_TASK', 'CANCELED', task.key, task.value);
  },
};

function activateCamundaUserTask(ctx: ProcessingContext, el: Element): void {
  const def = el.node.userTask;
  if (!def || !applyInputMappings(ctx, el)) return;
  const attributes = evaluateUserTaskAttributes(ctx, el, def);
  if (!attributes.ok) {
    raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', attributes.message);
    return;
  }
  let formKey = def.formKey ?? '-1';
  if (def.formId) {
    const form = linkedForm(ctx, el, def.formId, def.formBindingType, def.formVersionTag);
    if (!form) {
      raiseIncident(
        ctx, el, 'FORM_NOT_FOUND',
        `Expected to find a form with id '${def.formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
      );
      return;
    }
    formKey = form.key;
  }
  if (!openSubscriptions(ctx, el, boundaryCatchNodes(el))) return;
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  const { assignee, ...rest } = attributes.value;
  const value: UserTaskRecordValue = {
    userTaskKey: ctx.keys.nextKey(),
    assignee: '',
    candidateGroupsList: rest.candidateGroups,
    candidateUsersList: rest.candidateUsers,
    dueDate: rest.dueDate,
    followUpDate: rest.followUpDate,
    formKey,
    externalFormReference: rest.externalFormReference,
    customHeaders: el.node.taskHeaders,
    priority: rest.priority,
    variables: {},
    changedAttributes: [],
    action: '',
    elementId: el.inst.elementId,
    elementInstanceKey: el.inst.key,
    bpmnProcessId: el.inst.bpmnProcessId,
    processDefinitionVersion: el.inst.version,
    processDefinitionKey: el.inst.processDefinitionKey,
    processInstanceKey: el.inst.processInstanceKey,
    elementName: el.node.name,
    creationTimestamp: ctx.now,
    tenantId: el.inst.tenantId,
  };
  ctx.event('USER_TASK', 'CREATING', value.userTaskKey, value);
  ctx.event('USER_TASK', 'CREATED', value.userTaskKey, value);
  if (assignee) {
    ctx.event('USER_TASK', 'ASSIGNING', value.userTaskKey, { ...value, assignee, changedAttributes: ['assignee'] });
    ctx.event('USER_TASK', 'ASSIGNED', value.userTaskKey, { ...value, assignee, changedAttributes: ['assignee'] });
  }
}

/** The form a task links to by binding type: latest (default), the process's own deployment, or a version tag. */
function linkedForm(ctx: ProcessingContext, el: Element, formId: string, bindingType: string | undefined, versionTag: string | undefined): FormDefinition | undefined {
  if (bindingType !== 'deployment' && bindingType !== 'versionTag') return ctx.state.latestForm(formId, el.inst.tenantId);
  const deploymentKey = ctx.state.processes.get(el.inst.processDefinitionKey)?.deploymentKey;
  const candidates = (ctx.state.formVersions.get(`${el.inst.tenantId}/${formId}`) ?? [])
    .map((key) => ctx.state.forms.get(key))
    .filter((f): f is FormDefinition => f !== undefined)
    .filter((f) => (bindingType === 'deployment' ? f.deploymentKey === deploymentKey : f.versionTag === versionTag));
  return candidates[candidates.length - 1];
}
