import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, signIn, freshWebEachTest } from './support/harness';

/** A 约谈纪要 form as forms/ writes them: date-time and date fields without a timeSerializingFormat. */
const TALK_FORM = {
  id: 'talk-record', type: 'default', executionPlatform: 'Camunda Cloud', executionPlatformVersion: '8.8.0', schemaVersion: 19,
  components: [
    { type: 'datetime', subtype: 'datetime', key: 'talkHeldAt', dateLabel: '约谈时间', timeLabel: '时间', validate: { required: true } },
    { type: 'datetime', subtype: 'date', key: 'followUpDue', dateLabel: '跟踪期限' },
    { type: 'textfield', key: 'rectificationDue', label: '整改期限', readonly: true },
  ],
};

describe('dates entered in a task form', () => {
  let h: Harness;
  let task: string;
  let instance: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    await h.engine.deploy([
      { name: 'talk-record.form', content: Buffer.from(JSON.stringify(TALK_FORM)) },
      { name: 'talk.bpmn', content: Buffer.from(taskDiagram({ id: 'talk', name: '约谈', taskName: '记录约谈', candidateGroups: 'office', formId: 'talk-record' })) },
    ]);
    instance = (await h.engine.createProcessInstance({ bpmnProcessId: 'talk', variables: { rectificationDue: '2027-03-31T23:59:59+08:00' } })).processInstanceKey;
    task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey: instance }, page: { limit: 1 } })).items[0]!.userTaskKey;
  });

  const submit = async (variables: Record<string, unknown>) => {
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    return agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json').send({ variables });
  };
  const stored = async (name: string) => (await h.camunda.searchVariables({ filter: { processInstanceKey: instance, name }, page: { limit: 1 } })).items[0]?.value;

  it('stores a talk at 15:00 as 15:00 China Standard Time', async () => {
    // when the browser sends the wall-clock time form-js shows, without an offset
    const res = await submit({ talkHeldAt: '2027-03-01T15:00', followUpDue: '2027-03-31' });
    // then
    expect(res.status).toBe(200);
    expect(await stored('talkHeldAt')).toBe('"2027-03-01T15:00:00+08:00"');
    expect(await stored('followUpDue')).toBe('"2027-03-31"');
  });

  it('shows a read-only date of the task as people read it and keeps the process’s value', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const page = await agent.get(`/tasks/${task}`).expect(200);
    const res = await submit({ talkHeldAt: '2027-03-01T15:00', rectificationDue: '2027年3月31日 23:59' });
    // then
    expect(page.text).toContain('"rectificationDue":"2027年3月31日 23:59"');
    expect(page.text).not.toContain('2027-03-31T23:59:59+08:00');
    expect(res.status).toBe(200);
    expect(await stored('rectificationDue')).toBe('"2027-03-31T23:59:59+08:00"');
  });

  it('refuses an impossible date in Chinese and leaves the task open', async () => {
    // when
    const res = await submit({ talkHeldAt: '2027-03-01T15:00', followUpDue: '2027-13-45' });
    // then
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors).toEqual({ followUpDue: '「跟踪期限」不是有效日期（2027-13-45），请检查月份和日期。' });
    expect((await h.camunda.getUserTask(task)).state).toBe('CREATED');
    expect(await stored('followUpDue')).toBeUndefined();
  });
});
