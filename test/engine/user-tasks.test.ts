import { bpmn } from './support/bpmn-builder';
import { EngineHarness, T0 } from './support/harness';

const form = JSON.stringify({ id: 'review-form', type: 'default', components: [{ type: 'textfield', key: 'comment', label: '意见' }] });

describe('A9 Camunda user tasks', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('creates the task with evaluated assignment, candidates, schedule, priority, headers and form key', async () => {
    // given
    const deployed = await h.deploy(
      bpmn('p').start().userTask('review', {
        name: '审核报告', assignee: '=lead', candidateGroups: 'office, committee', candidateUsers: '=["u1", "u2"]',
        dueDate: '=now() + duration("P5D")', followUpDate: '2026-03-05T09:00:00+08:00', priority: '=if urgent then 90 else 50',
        formId: 'review-form',
      }).end(),
      ['review-form.form', form],
    );
    // when
    const pi = await h.create('p', { lead: 'zhang', urgent: true });
    // then
    const created = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    expect(created.value).toMatchObject({
      assignee: '', candidateGroupsList: ['office', 'committee'], candidateUsersList: ['u1', 'u2'],
      followUpDate: '2026-03-05T09:00:00+08:00', priority: 90, formKey: deployed.forms[0].formKey, elementName: '审核报告',
      processInstanceKey: pi, creationTimestamp: T0,
    });
    expect(Date.parse(String(created.value.dueDate))).toBe(T0 + 5 * 86_400_000);
    expect(created.value.userTaskKey).not.toBe(created.value.elementInstanceKey);
    expect(h.find({ valueType: 'USER_TASK', key: created.key }).map((r) => r.intent)).toEqual(['CREATING', 'CREATED', 'ASSIGNING', 'ASSIGNED']);
    expect(h.find({ valueType: 'USER_TASK', intent: 'ASSIGNED' })[0].value.assignee).toBe('zhang');
  });

  it('assigns, refuses an override when asked, updates, unassigns and completes with variables', async () => {
    // given
    await h.deploy(bpmn('p').start().userTask('task').end());
    const pi = await h.create('p');
    const task = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    // when
    await h.engine.assignUserTask(task.key, { assignee: 'li' });
    const refused = h.engine.assignUserTask(task.key, { assignee: 'wang', allowOverride: false });
    await expect(refused).rejects.toMatchObject({ rejectionType: 'INVALID_STATE' });
    await h.engine.updateUserTask(task.key, { priority: 80, dueDate: '2026-04-01T00:00:00Z', candidateGroups: ['unit:U1'] });
    await expect(h.engine.updateUserTask(task.key, { priority: 101 })).rejects.toMatchObject({ rejectionType: 'INVALID_ARGUMENT' });
    await h.engine.unassignUserTask(task.key);
    await h.engine.completeUserTask(task.key, { approved: true });
    // then
    await h.awaitCompleted(pi);
    const updated = h.find({ valueType: 'USER_TASK', intent: 'UPDATED' })[0];
    expect(updated.value).toMatchObject({ priority: 80, dueDate: '2026-04-01T00:00:00Z', candidateGroupsList: ['unit:U1'] });
    expect(updated.value.changedAttributes).toEqual(['dueDate', 'candidateGroupsList', 'priority']);
    expect(h.find({ valueType: 'VARIABLE', value: { name: 'approved' } })[0].value.scopeKey).toBe(pi);
    await expect(h.engine.completeUserTask(task.key)).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND', reason: `Expected to complete user task with key '${task.key}', but no such user task was found` });
  });

  it('raises FORM_NOT_FOUND and continues once the form is deployed and the incident resolved', async () => {
    // given
    await h.deploy(bpmn('p').start().userTask('task', { formId: 'review-form' }).end());
    const pi = await h.create('p');
    const [incident] = h.incidents(pi);
    // when
    await h.deploy(['review-form.form', form]);
    await h.engine.resolveIncident(incident.key);
    // then
    expect(incident.value).toMatchObject({
      errorType: 'FORM_NOT_FOUND',
      errorMessage: "Expected to find a form with id 'review-form', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id",
    });
    await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
  });

  it('cancels the user task when the instance is cancelled', async () => {
    // given
    await h.deploy(bpmn('p').start().userTask('task').end());
    const pi = await h.create('p');
    const task = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    // when
    await h.engine.cancelProcessInstance(pi);
    // then
    expect(h.find({ valueType: 'USER_TASK', key: task.key }).map((r) => r.intent).slice(-2)).toEqual(['CANCELING', 'CANCELED']);
  });

  it('keeps a job-based user task (without zeebe:userTask) as a job of type io.camunda.zeebe:userTask', async () => {
    // given
    const xml = bpmn('legacy').start().task('placeholder').end().xml().replace('<bpmn:task id="placeholder">', '<bpmn:userTask id="placeholder">').replace('</bpmn:task>', '</bpmn:userTask>');
    await h.deploy(['legacy.bpmn', xml]);
    // when
    const pi = await h.create('legacy');
    // then
    const job = await h.activateOne('io.camunda.zeebe:userTask');
    expect(job.processInstanceKey).toBe(pi);
  });

  it('links the form of the same deployment with bindingType deployment, and by version tag', async () => {
    // given
    const process = (binding: string): string => bpmn('p').start().userTask('task').end().xml()
      .replace('<zeebe:userTask/>', `<zeebe:userTask/><zeebe:formDefinition formId="review-form" ${binding}/>`);
    const tagged = JSON.stringify({ id: 'review-form', versionTag: 'v1', components: [] });
    const own = await h.deploy(['p.bpmn', process('bindingType="deployment"')], ['review-form.form', tagged]);
    await h.deploy(['review-form.form', JSON.stringify({ id: 'review-form', components: [{ type: 'text' }] })]);
    // when
    await h.create('p');
    await h.deploy(['q.bpmn', process('bindingType="versionTag" versionTag="v1"').replace(/id="p"/g, 'id="q"')]);
    await h.create('q');
    // then
    const tasks = await h.awaitCount({ valueType: 'USER_TASK', intent: 'CREATED' }, 2);
    expect(tasks.map((t) => t.value.formKey)).toEqual([own.forms[0].formKey, own.forms[0].formKey]);
  });
});

describe('user tasks with boundary events', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('sends reminders with a non-interrupting timer and escalates with an interrupting one, canceling the task', async () => {
    // given
    await h.deploy(bpmn('p').start().userTask('review').end('reviewed')
      .boundary('remind', 'review', { timer: { cycle: 'R/P1D' }, interrupting: false }).serviceTask('notify', { type: 'notify' })
      .boundary('overdue', 'review', { timer: { duration: 'P3D' } }).serviceTask('escalate', { type: 'escalate' }).end('escalated'));
    const pi = await h.create('p');
    const task = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    // when
    for (let day = 1; day <= 2; day++) {
      h.advance(86_400_000);
      await h.awaitCount({ valueType: 'JOB', intent: 'CREATED', value: { elementId: 'notify' } }, day);
    }
    h.advance(86_400_000);
    await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CANCELED', key: task.key });
    // then
    expect(h.find({ valueType: 'JOB', intent: 'CREATED', value: { elementId: 'notify' } })).toHaveLength(2);
    expect((await h.activateOne('escalate')).processInstanceKey).toBe(pi);
    expect(h.trace(pi)).toContain('review:ELEMENT_TERMINATED');
    await expect(h.engine.completeUserTask(task.key)).rejects.toMatchObject({ rejectionType: 'NOT_FOUND' });
  });

  it('interrupts a user task with a message boundary event carrying the message payload', async () => {
    // given
    await h.deploy(bpmn('p').start().userTask('review').end('reviewed')
      .boundary('withdrawn', 'review', { message: ['withdraw', '=caseId'] }).end('stopped'));
    const pi = await h.create('p', { caseId: 'c-9' });
    await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    // when
    await h.engine.correlateMessage({ name: 'withdraw', correlationKey: 'c-9', variables: { reason: '撤回' } });
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toContain('stopped:ELEMENT_COMPLETED');
    expect(h.find({ valueType: 'VARIABLE', value: { name: 'reason' } })[0].value.scopeKey).toBe(pi);
  });
});
