import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordPlan } from '../../src/db/registers/inspections';
import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, freshWebEachTest } from './support/harness';

jest.setTimeout(120_000);

const form = (id: string) => readFileSync(join(__dirname, '..', '..', 'forms', `${id}.form`));

describe('生成建议方案 on the annual plan draft and team proposal tasks', () => {
  let h: Harness;
  const tasks: Record<string, string> = {};
  freshWebEachTest(async (harness) => {
    h = harness;
    const { planId } = await recordPlan(h.store.db, { name: 'system', at: NOW.toISOString() }, {
      year: 2027, cycleStart: '2027-01-01', units: ['370404001', 'YC-M-06', 'YC-M-07'],
      rounds: [{ no: 1, start: '2027-03-01', end: '2027-03-19', units: ['370404001', 'YC-M-06', 'YC-M-07'] }],
    });
    for (const [id, variables] of [['annual-plan-draft', {}], ['team-proposal', { year: 2027, planId }], ['onsite-close', {}]] as const) {
      await h.engine.deploy([
        { name: `${id}.form`, content: form(id) },
        { name: `${id}.bpmn`, content: Buffer.from(taskDiagram({ id: `p-${id}`, name: id, taskName: id, candidateGroups: 'office', formId: id })) },
      ]);
      const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: `p-${id}`, variables });
      tasks[id] = (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
    }
  });

  const ask = async (task: string, body: Record<string, unknown> = {}) => {
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const answer = await agent.post(`/tasks/${task}/proposal`).set('x-csrf-token', csrf).set('accept', 'application/json').send(body);
    const complete = (variables: Record<string, unknown>) =>
      agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json').send({ variables });
    return { answer, complete, agent };
  };

  it('fills the plan draft with the running cycle’s schedule, which the office completes with its theme', async () => {
    // given the plan draft task (its page offers the button)
    const { answer, complete, agent } = await ask(tasks['annual-plan-draft']!);
    const page = (await agent.get(`/tasks/${tasks['annual-plan-draft']}`).expect(200)).text;
    // then: in late 2026 it proposes 2027, the last year of the cycle that began on 2025-11-12, so every unit
    expect(page).toContain('data-proposal="true"');
    expect(answer.status).toBe(200);
    const plan = answer.body.values.plan as { year: number; cycleStart: string; units: string[]; rounds: { no: number; start: string; end: string; units: string[] }[] };
    expect([plan.year, plan.cycleStart, plan.units.length]).toEqual([2027, '2025-11-12', 42]);
    expect(plan.rounds.every((r) => r.end < '2027-11-12')).toBe(true);
    expect(answer.body.trainings).toHaveLength(plan.rounds.length);
    // when the office adds the theme and submits
    const done = await complete({ plan: { ...plan, planTheme: '城镇燃气和危险化学品安全专项巡查' } });
    // then the form's checks accept it
    expect(done.status).toBe(200);
  });

  it('fills the team proposal for the approved plan, and the form accepts it', async () => {
    // when
    const { answer, complete } = await ask(tasks['team-proposal']!);
    // then
    expect(answer.status).toBe(200);
    const { teams, recusalStatement } = answer.body.values as { teams: { unitCodes: string[]; expertIds: string[] }[]; recusalStatement: string };
    expect(teams.flatMap((t) => t.unitCodes).sort()).toEqual(['370404001', 'YC-M-06', 'YC-M-07']);
    expect((await complete({ teams, recusalStatement })).status).toBe(200);
  });

  it('says in Chinese why there is no schedule, and refuses other tasks and bad years', async () => {
    // given every expert from 区应急管理局
    await h.store.db.deleteFrom('people').where('id', '=', 'p-expert-4').execute();
    // when
    const { answer } = await ask(tasks['annual-plan-draft']!, { year: 2027, cycleStart: '2027-01-01' });
    const other = await ask(tasks['onsite-close']!);
    const bad = await ask(tasks['annual-plan-draft']!, { year: '明年' });
    // then
    expect(answer.body).toMatchObject({ feasible: false, reasons: ['区应急管理局：可担任专家的人员（秦振东、许文博、何丽萍）均来自该单位或需回避，需增补一名其他单位专家。'] });
    expect([other.answer.status, other.answer.body.error]).toEqual([400, '此任务不提供建议方案。']);
    expect([bad.answer.status, bad.answer.body.error]).toEqual([400, '巡查年度或周期起始日填写有误。']);
  });
});
