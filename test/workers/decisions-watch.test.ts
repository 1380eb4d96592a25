// 区安委会 is told of each decision waiting for it (inbox and e-mail), once per task, from the engine's open tasks.
import { findAccountByLogin } from '../../src/db/accounts';
import { inbox } from '../../src/db/notifications';
import { committeeTasks, notifyDecisionsDue, watchCommitteeDecisions } from '../../workers/runtime/decisions-watch';
import { createMailer } from '../../workers/runtime/mailer';
import { startSmtp } from '../support/workers';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';

const decisionProcess = (id: string, group: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" name="审定测试" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="decide" name="审定巡查工作报告">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="${group}" />
        <zeebe:taskSchedule dueDate="2026-09-30T23:59:59+08:00" />
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide" />
    <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the committee\'s decisions due', () => {
  let env: WorkerEngine;
  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream');
    await env.zbc.deployResource({ process: Buffer.from(decisionProcess('committee-decision', 'committee')), name: 'committee-decision.bpmn' });
    await env.zbc.deployResource({ process: Buffer.from(decisionProcess('office-decision', 'office')), name: 'office-decision.bpmn' });
  }, 60_000);
  afterAll(() => env.close());

  it('tells the committee of each of its open decisions once, in its inbox and by e-mail, and nothing of other groups\' tasks', async () => {
    // given a decision for the committee and a task of the office, and an SMTP server
    const smtp = await startSmtp();
    env.h.deps.mailer = createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: '峄城区安委办 <ajb@yicheng.local>' });
    await env.zbc.createProcessInstance({ bpmnProcessId: 'committee-decision', variables: {} });
    await env.zbc.createProcessInstance({ bpmnProcessId: 'office-decision', variables: {} });
    const find = committeeTasks(env.c8);
    await eventually(async () => (await find()).length === 1);
    // when the watch looks twice
    const stop = watchCommitteeDecisions(find, env.h.deps, 50, 0);
    const committee = (await findAccountByLogin(env.store.db, 'anweihui'))!;
    await eventually(async () => (await inbox(env.store.db, committee.id)).length === 1 && smtp.mails.length === 1);
    await new Promise((r) => setTimeout(r, 300)); // several more looks
    stop();
    // then the committee has one message and one e-mail, with the task, its due date and the link
    const [message] = await inbox(env.store.db, committee.id);
    expect(message.subject).toBe('【待区安委会决定】审定巡查工作报告');
    expect(message.body).toContain('办理截止日期为2026年9月30日');
    expect(message.body).toMatch(/办理入口：http:\/\/127\.0\.0\.1:3000\/tasks\/\d+/);
    expect(smtp.mails.map((m) => m.to)).toEqual([['p-director@yicheng.local']]);
    // and the office was not told of its own task by this watch
    const office = (await findAccountByLogin(env.store.db, 'anweiban'))!;
    expect(await inbox(env.store.db, office.id)).toEqual([]);
    expect(await notifyDecisionsDue(env.h.deps, await find())).toBe(0);
    env.h.deps.mailer.close();
    await smtp.stop();
  }, 60_000);
});
