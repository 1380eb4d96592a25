/**
 * Process instances on the real engine that give each audience its task, and an inspection instance with a failed
 * job (incident). Given-steps use the engine's in-process API to start instances and fail jobs; keys are read back
 * through the same SDK client the web app uses.
 */
import { type Engine } from '../../../src/engine';
import { type CamundaPort } from '../../../src/web/camunda/port';
import { REPORT_FORM, taskDiagram } from './fixtures';
import { openInspection, registerProblems } from '../../../src/db/registers/inspections';
import { createHandover, listHazard } from '../../../src/db/registers/supervision';
import { type Harness, NOW, UNIT_A, UNIT_B } from './harness';

export const NOTIFY_JOB = 'web-test-notify';

export interface Audiences {
  unitA: string;
  unitB: string;
  office: string;
  department: string;
  teamLeader: string;
}

export interface Seeded {
  /** userTaskKey per audience. */
  tasks: Audiences;
  /** The inspection instance holding the unitA task and the incident. */
  instance: string;
  incident: string;
  job: string;
  /** processDefinitionKey of 'inspection' v1. */
  definition: string;
}

/**
 * Register entries of both units: an inspection and a problem each, 坛山街道's problem handed over to the harness's
 * department, and a listed major hazard of 坛山街道; gives 坛山街道's inspection id.
 */
export async function seedRegisters(h: Harness): Promise<{ inspectionA: string }> {
  const by = { name: 'system', at: NOW.toISOString() };
  const db = h.store.db;
  const inspA = await openInspection(db, by, { unitCode: UNIT_A });
  const inspB = await openInspection(db, by, { unitCode: UNIT_B });
  const [pA] = await registerProblems(db, by, inspA, [{ category: 'C5', severity: '一般', description: '坛山街道危化品仓库未落实双重预防机制', due: '2026-11-27T23:59:59+08:00' }]);
  await registerProblems(db, by, inspB, [{ category: 'C3', severity: '较大', description: '吴林街道安全生产责任制未落实' }]);
  await createHandover(db, by, { problemId: pA!, departmentCode: h.departmentCode, resultDue: '2026-12-20T23:59:59+08:00' });
  await listHazard(db, by, { name: '坛山街道某化工企业储罐区重大事故隐患', unit_code: UNIT_A, rectify_due: '2026-12-01T23:59:59+08:00' });
  return { inspectionA: inspA };
}

const buf = (s: string) => Buffer.from(s, 'utf8');

/** The form and the diagrams, one deployment. */
export async function deployFixtures(engine: Engine, departmentCode: string): Promise<string> {
  const result = await engine.deploy([
    { name: 'rectification-report.form', content: buf(JSON.stringify(REPORT_FORM)) },
    { name: 'inspection.bpmn', content: buf(taskDiagram({ id: 'inspection', name: '巡查', candidateGroups: `unit, unit:${UNIT_A}`, dueDate: '2026-11-27T23:59:59+08:00', priority: 80, notifyJobType: NOTIFY_JOB })) },
    { name: 'rectification-b.bpmn', content: buf(taskDiagram({ id: 'rectification-b', name: '整改', taskName: '报送整改情况（吴林）', candidateGroups: `unit, unit:${UNIT_B}`, dueDate: '2026-12-30T23:59:59+08:00' })) },
    { name: 'plan-review.bpmn', content: buf(taskDiagram({ id: 'plan-review', name: '方案审核', taskName: '审核巡查方案', candidateGroups: 'office', dueDate: '2026-11-29T23:59:59+08:00', formId: null })) },
    { name: 'handover-task.bpmn', content: buf(taskDiagram({ id: 'handover-task', name: '移交办理', taskName: '办理移交问题', candidateGroups: `department, department:${departmentCode}`, formId: null })) },
    { name: 'report-draft.bpmn', content: buf(taskDiagram({ id: 'report-draft', name: '巡查报告', taskName: '起草巡查报告', candidateGroups: 'team-leader', formId: null })) },
  ]);
  return result.processes.find((p) => p.bpmnProcessId === 'inspection')!.processDefinitionKey;
}

async function taskOf(camunda: CamundaPort, processInstanceKey: string): Promise<string> {
  const found = await camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } });
  const task = found.items[0];
  if (!task) throw new Error(`instance ${processInstanceKey} has no user task`);
  return task.userTaskKey;
}

/** The inspection of 坛山街道: its unit task is open and its notification job failed without retries. */
export async function seedInspection(engine: Engine, camunda: CamundaPort, inspectionId = 'INS-2026-001'): Promise<Omit<Seeded, 'tasks' | 'definition'> & { task: string }> {
  const { processInstanceKey: instance } = await engine.createProcessInstance({
    bpmnProcessId: 'inspection',
    variables: { inspectionId, unitCode: UNIT_A, unitName: '坛山街道', report: '' },
  });
  const [job] = await engine.activateJobs({ type: NOTIFY_JOB, worker: 'web-test', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
  if (!job) throw new Error('the notification job was not created');
  await engine.failJob(job.key, { retries: 0, errorMessage: 'SMTP 连接失败' });
  const incidents = await camunda.searchIncidents({ filter: { processInstanceKey: instance }, page: { limit: 1 } });
  const incident = incidents.items[0]?.incidentKey;
  if (!incident) throw new Error('the failed job raised no incident');
  return { instance, task: await taskOf(camunda, instance), incident, job: job.key };
}

/** Everything: the deployment, the inspection with its incident, and one task for each other audience. */
export async function seedTasks(engine: Engine, camunda: CamundaPort, departmentCode: string): Promise<Seeded> {
  const definition = await deployFixtures(engine, departmentCode);
  const inspection = await seedInspection(engine, camunda);
  const start = async (bpmnProcessId: string) => taskOf(camunda, (await engine.createProcessInstance({ bpmnProcessId, variables: {} })).processInstanceKey);
  const [unitB, office, department, teamLeader] = [await start('rectification-b'), await start('plan-review'), await start('handover-task'), await start('report-draft')];
  return {
    tasks: { unitA: inspection.task, unitB: unitB!, office: office!, department: department!, teamLeader: teamLeader! },
    instance: inspection.instance, incident: inspection.incident, job: inspection.job, definition,
  };
}
