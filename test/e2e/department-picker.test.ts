import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnnualPlanBrowser, ARTIFACTS, startAnnualPlanBrowser } from './support/annual-plan-browser';
import { eventually } from './support/stack';
import { signIn, watchedPage } from './support/chromium';

const ROOT = join(__dirname, '..', '..');
const AFTER_JOB = 'e2e-after-disposal';

/** The office's confirmation of a problem's disposal, then a job that receives what the task submitted. */
const DISPOSAL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="disposal-picker" name="问题处置" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="confirm" name="确认分类处置意见">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="disposal-confirmation" /><zeebe:assignmentDefinition candidateGroups="office" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:serviceTask id="after" name="移交"><bpmn:extensionElements><zeebe:taskDefinition type="${AFTER_JOB}" /></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="confirm" />
    <bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="after" />
    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/**
 * 承办部门 in a real Chromium: the office sees the decision table's suggestion in Chinese and by name, finds the
 * department by typing part of its short name (住建 for 区住建局), and the process receives the department's code.
 */
describe('department picker in Chromium', () => {
  let setUp: AnnualPlanBrowser;

  beforeAll(async () => {
    setUp = await startAnnualPlanBrowser();
    await setUp.s.camunda.deploy([
      { name: 'disposal-confirmation.form', content: readFileSync(join(ROOT, 'forms', 'disposal-confirmation.form'), 'utf8') },
      { name: 'disposal-picker.bpmn', content: DISPOSAL },
    ]);
  }, 120_000);

  afterAll(async () => {
    await setUp?.close();
  });

  it('shows the suggestion by name and picks 区住房和城乡建设局 by typing its short name 住建', async () => {
    // given a problem the decision table suggests handing over to 区应急管理局
    const { s, browser, base } = setUp;
    const suggested = await s.store.db.selectFrom('units').select(['code', 'name']).where('code', '=', 'YC-M-06').executeTakeFirstOrThrow();
    const housing = await s.store.db.selectFrom('units').select(['code', 'name']).where('name', '=', '区住房和城乡建设局').executeTakeFirstOrThrow();
    const { processInstanceKey } = await s.engine.createProcessInstance({ bpmnProcessId: 'disposal-picker', variables: {
      unitName: '坛山街道', problemText: '燃气管道占压未整改', suggestedRoute: 'handover', route: 'handover', suggestedDepartment: suggested.code, departmentCode: suggested.code,
    } });
    const task = await eventually(async () => (await s.camunda.searchUserTasks({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 1 } })).items[0]);
    const problems: string[] = [];
    const page = await watchedPage(browser, problems, { height: 1100 });
    await signIn(page, base, 'anweiban');
    // when the office opens the task, types part of the department's name and picks it
    await page.goto(`${base}/tasks/${task.userTaskKey}`);
    await page.locator('.fjs-form').waitFor();
    const shown = await page.locator('.fjs-form').innerText();
    const department = page.locator('.fjs-form-field-select', { hasText: /^承办部门/ }).locator('input');
    await department.click();
    await department.fill('住建');
    const offered = (await page.locator('.fjs-dropdownlist-item').allTextContents()).map((t) => t.trim());
    await page.locator('.fjs-dropdownlist-item', { hasText: '区住建局' }).click();
    await page.screenshot({ path: join(ARTIFACTS, '23-disposal-department-picked.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/tasks/), page.getByRole('button', { name: '提交并完成任务' }).click()]);
    // then the page spoke in names and Chinese, and the process received the code
    expect(shown).toContain('移交有关部门调查处理');
    expect(shown).not.toMatch(/YC-M-\d\d|\bhandover\b/);
    expect(offered).toEqual(['区住房和城乡建设局（区住建局）']);
    const [job] = await eventually(async () => {
      const jobs = await s.engine.activateJobs({ type: AFTER_JOB, worker: 'e2e', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
      return jobs.length ? jobs : undefined;
    });
    expect(job!.variables.departmentCode).toBe(housing.code);
    expect(problems).toEqual([]);
  }, 120_000);
});
