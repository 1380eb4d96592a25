import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

/** The refusals of user task commands, with Zeebe 8.8's texts (UserTaskCommandPreconditionChecker, UserTaskClaimProcessor). */
describe('refused user task commands', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('names the command in the not-found text: assign, claim (no override), assign for unassign, update and complete', async () => {
    // given
    const key = '2251799813699999';
    // when
    const attempts = [
      h.engine.assignUserTask(key, { assignee: 'li' }),
      h.engine.assignUserTask(key, { assignee: 'li', allowOverride: false }),
      h.engine.unassignUserTask(key),
      h.engine.updateUserTask(key, { priority: 60 }),
      h.engine.completeUserTask(key),
    ];
    // then
    const reasons = await Promise.all(attempts.map((p) => p.then(() => 'accepted', (e: { rejectionType: string; reason: string }) => `${e.rejectionType}: ${e.reason}`)));
    expect(reasons).toEqual(['assign', 'claim', 'assign', 'update', 'complete'].map((verb) =>
      `NOT_FOUND: Expected to ${verb} user task with key '${key}', but no such user task was found`));
  });

  it('refuses to claim a task assigned to someone else or without an assignee, and lets its assignee claim it again', async () => {
    // given
    await h.deploy(bpmn('p').start().userTask('task').end());
    await h.create('p');
    const task = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    await h.engine.assignUserTask(task.key, { assignee: 'li' });
    // when
    const taken = h.engine.assignUserTask(task.key, { assignee: 'wang', allowOverride: false });
    const empty = h.engine.assignUserTask(task.key, { assignee: ' ', allowOverride: false });
    const again = h.engine.assignUserTask(task.key, { assignee: 'li', allowOverride: false });
    // then
    await expect(taken).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE', intent: 'CLAIM', reason: `Expected to claim user task with key '${task.key}', but it has already been assigned` });
    await expect(empty).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE', intent: 'CLAIM', reason: `Expected to claim user task with key '${task.key}', but provided assignee is empty` });
    await expect(again).resolves.toBeUndefined();
  });
});
