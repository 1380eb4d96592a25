// B7: the web app under load with autocannon: 50 concurrent connections, each request signed in (sessions of a team
// leader for /tasks, of the 安委办 for /monitoring, rotated over the requests), while the task list holds open
// entry-meeting tasks of real inspection-entry instances, offered to the leader's team as unit-inspection offers
// them. p50/p99 latency, requests per second, non-2xx answers.
import autocannon from 'autocannon';
import { openInspection, recordPlan, recordTeams } from '../../src/db/registers/inspections';
import { startSystem, type BenchSystem } from '../support/system';
import { round } from '../support/stats';
import type { Scenario } from '../types';

const CONNECTIONS = 50;
const SESSIONS = 5; // the login form allows 20 attempts per 15 minutes and address
const OPEN_TASKS = 100;
const WARMUP_SECONDS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The plan's first team, led by zuzhang1 (p-leader-1), recorded the way the approved team composition is. */
async function leadersTeam(system: BenchSystem): Promise<string> {
  const by = { name: 'bench', at: new Date().toISOString() };
  const { planId } = await recordPlan(system.store.db, by, { year: 2027, cycleStart: '2027-01-01', units: [], rounds: [] });
  const ids = await recordTeams(system.store.db, by, planId, [{ name: '第一巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: [], expertIds: [] }]);
  return ids['第一巡查组'];
}

async function openTasks(system: BenchSystem): Promise<void> {
  const teamId = await leadersTeam(system);
  let created = 0;
  const stop = system.engine.onRecords((rs) => { created += rs.filter((r) => r.valueType === 'USER_TASK' && r.intent === 'CREATED').length; });
  for (let i = 0; i < OPEN_TASKS; i += 1) {
    const unitCode = i % 2 ? '370404001' : '370404002';
    const inspectionId = await openInspection(system.store.db, { name: 'bench', at: new Date().toISOString() }, { unitCode, teamId });
    await system.engine.createProcessInstance({ bpmnProcessId: 'inspection-entry',
      variables: { inspectionId, unitCode, unitName: '单位', inspectionNo: `XC-B7-${i}`, teamId, teamName: '第一巡查组', entryDue: '2026-12-31T18:00:00+08:00' } });
  }
  const deadline = Date.now() + 60_000;
  while (created < OPEN_TASKS && Date.now() < deadline) await sleep(50);
  stop();
}

async function hammer(url: string, cookies: string[], seconds: number) {
  const result = await autocannon({
    // measured in the steady state: a warm-up at the same load first, so that the first wave of 50 connections
    // meeting a cold process (compilation, first session reads) is not taken for the load's latency
    url, connections: CONNECTIONS, duration: seconds, warmup: { connections: CONNECTIONS, duration: WARMUP_SECONDS },
    // the clients run in a worker thread of their own, as real browsers are outside the server: generating the load
    // on the server's event loop took a tenth of it and counted in the latency measured
    workers: 1,
    // each connection goes through the sessions in turn
    requests: cookies.map((cookie) => ({ method: 'GET', headers: { cookie } })),
  });
  return {
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    requestsPerSecond: round(result.requests.average, 1),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export const b7: Scenario = {
  name: 'B7',
  title: 'web app under load (autocannon, 50 connections, signed-in sessions): /tasks and /monitoring',
  async run({ seconds }) {
    const system = await startSystem('normal');
    try {
      await openTasks(system);
      const leaders: string[] = [];
      const office: string[] = [];
      for (let i = 0; i < SESSIONS; i += 1) leaders.push(await system.login('zuzhang1'));
      for (let i = 0; i < SESSIONS; i += 1) office.push(await system.login('anweiban'));
      for (const [path, cookie] of [['/tasks', leaders[0]], ['/monitoring', office[0]]] as const) {
        const res = await fetch(`${system.webUrl}${path}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status} before the load`);
      }
      // the measured list must hold the open tasks, not be empty
      const list = await (await fetch(`${system.webUrl}/tasks`, { headers: { cookie: leaders[0] } })).text();
      const shown = list.split('进驻并通报巡查工作任务').length - 1;
      if (shown === 0) throw new Error('the team leader\'s task list shows none of the open entry-meeting tasks');
      return {
        openTasks: OPEN_TASKS,
        entryMeetingTasksOnTheListPage: shown,
        connections: CONNECTIONS,
        sessionsPerPage: SESSIONS,
        tasksPage: await hammer(`${system.webUrl}/tasks`, leaders, seconds),
        monitoringPage: await hammer(`${system.webUrl}/monitoring`, office, seconds),
      };
    } finally {
      await system.close();
    }
  },
};
