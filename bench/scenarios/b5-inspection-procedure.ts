// B5: the real inspection entry procedure (processes/inspection-entry.bpmn with everything in processes/ deployed)
// started at 10 instances/s, the real workers doing its service tasks (document numbers, inbox notices, records,
// deadlines) and simulated team leaders finding the user task through REST and completing it with valid form data.
// Measured: task visible in the REST task search after its creation (p50/p99), the web app's /tasks page for a
// logged-in team leader (p50/p99), incidents (must be 0), completed instances.
import { randomUUID } from 'node:crypto';
import { openInspection } from '../../src/db/registers/inspections';
import { startSystem } from '../support/system';
import { nowMs, percentiles, round } from '../support/stats';
import type { Scenario } from '../types';

const RATE = 10;
const UNITS = ['370404001', '370404002'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The entry-meeting form (forms/hold-entry-meeting) as a team leader fills it.
const MEETING = {
  entryMeetingAt: '2026-03-09T09:00:00+08:00', onsiteStart: '2026-03-09', unitHeadName: '王某', complaintPhone: '0632-7712345',
  complaintEmail: 'xuncha@example.cn', complaintAddress: '峄城区坛山路1号', taskBriefing: '通报本次巡查的任务、内容和方式。',
};

export const b5: Scenario = {
  name: 'B5',
  title: 'inspection entry procedure at 10 instances/s: real workers, staff completing tasks through REST, web task list',
  async run({ seconds }) {
    const system = await startSystem('normal');
    const created = new Map<string, number>();
    const instances = new Set<string>();
    let completedInstances = 0;
    let incidents = 0;
    const incidentMessages = new Set<string>();
    const stop = system.engine.onRecords((records) => {
      for (const r of records) {
        if (r.valueType === 'USER_TASK' && r.intent === 'CREATED') created.set(r.key, nowMs());
        if (r.valueType === 'INCIDENT' && r.intent === 'CREATED') { incidents += 1; incidentMessages.add(String(r.value.errorMessage)); }
        if (r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED' && r.value.bpmnElementType === 'PROCESS' && instances.has(r.key)) completedInstances += 1;
      }
    });
    const visible: number[] = [];
    const page: number[] = [];
    const seen = new Set<string>();
    let completedTasks = 0;
    let refusedCompletions = 0;
    let running = true;
    let stoppedAt = 0;
    const rest = (p: string, body: unknown) => fetch(`${system.restUrl}/v2${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      const cookie = await system.login('zuzhang1');
      // staff: search the task list back to back, complete what appeared
      const staff = (async () => {
        while (running || seen.size < created.size) {
          const res = await rest('/user-tasks/search', { filter: { state: 'CREATED', elementId: 'hold-entry-meeting' }, page: { limit: 200 } });
          const { items } = (await res.json()) as { items: { userTaskKey: string }[] };
          const t = nowMs();
          const fresh = items.filter((i) => !seen.has(i.userTaskKey));
          for (const task of fresh) {
            seen.add(task.userTaskKey);
            const t0 = created.get(task.userTaskKey);
            if (t0 !== undefined) visible.push(t - t0);
          }
          await Promise.all(fresh.map(async (task) => {
            const done = await rest(`/user-tasks/${task.userTaskKey}/completion`, { variables: MEETING });
            if (done.status === 204) completedTasks += 1;
            else refusedCompletions += 1;
          }));
          if (!fresh.length) await sleep(20);
          if (!running && nowMs() - stoppedAt > 10_000) break; // tasks that never appeared: stop looking
        }
      })();
      // a team leader refreshing the task list page
      const browsing = (async () => {
        while (running) {
          const t0 = nowMs();
          const res = await fetch(`${system.webUrl}/tasks`, { headers: { cookie } });
          await res.text();
          if (res.status !== 200) throw new Error(`/tasks answered ${res.status}`);
          page.push(nowMs() - t0);
          await sleep(250);
        }
      })();
      const startOne = async (i: number) => {
        const unitCode = UNITS[i % UNITS.length];
        const inspectionId = await openInspection(system.store.db, { name: 'bench', at: new Date().toISOString() }, { unitCode });
        const { processInstanceKey } = await system.engine.createProcessInstance({
          bpmnProcessId: 'inspection-entry',
          variables: { inspectionId, unitCode, unitName: unitCode === UNITS[0] ? '坛山街道' : '吴林街道', inspectionNo: `XC-B5-${randomUUID().slice(0, 6)}`,
            teamName: '第一巡查组', entryDue: '2026-12-31T18:00:00+08:00' },
        });
        instances.add(processInstanceKey);
      };
      // open loop: RATE instances a second
      const starts: Promise<void>[] = [];
      const total = Math.round(RATE * seconds);
      const t0 = nowMs();
      for (let i = 0; i < total; i += 1) {
        const wait = t0 + (i * 1000) / RATE - nowMs();
        if (wait > 1) await sleep(wait);
        // not awaited: a slow start must not lower the offered rate (open loop)
        starts.push(startOne(i));
      }
      const startedFor = (nowMs() - t0) / 1000;
      await Promise.all(starts);
      // let the last instances finish (bounded)
      const deadline = nowMs() + 60_000;
      while (completedInstances + incidents < instances.size && nowMs() < deadline) await sleep(50);
      running = false;
      stoppedAt = nowMs();
      await Promise.all([staff, browsing]);
      return {
        instancesStarted: instances.size,
        offeredRatePerSecond: round(total / startedFor, 2),
        instancesCompleted: completedInstances,
        userTasksCreated: created.size,
        userTasksCompleted: completedTasks,
        completionsRefused: refusedCompletions,
        taskVisibleAfterCreationMs: percentiles(visible, [50, 90, 99]),
        taskListPageMs: { ...percentiles(page, [50, 90, 99]), requests: page.length },
        incidents,
        incidentMessages: [...incidentMessages].slice(0, 5),
        workerOutcomes: { ...system.runtime.stats },
      };
    } finally {
      running = false;
      stop();
      await system.close();
    }
  },
};
