import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { publishAnnouncement } from '../../src/db/registers/publications';
import { REPORT_FORM, REPORT_PROCESS, type Stack, startStack } from './support/stack';
import { launchChromium, signIn, watchedPage } from './support/chromium';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'e2e');

/** Elements with a role whose children are presentational (img, button, link …) that hold a focusable element. */
function nestedInteractive(): string[] {
  const childrenPresentational = '[role="img"], [role="button"], [role="link"], [role="checkbox"], [role="tab"], [role="progressbar"], button, a[href]';
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  return [...document.querySelectorAll(childrenPresentational)].filter((el) => el.querySelector(focusable)).map((el) => el.id || el.outerHTML.slice(0, 80));
}

/**
 * The whole system in a real headless Chromium: a unit's staff member completes a task through its Camunda Form,
 * an administrator watches the instance move on in monitoring, an anonymous visitor reads the public board.
 * Screenshots go to test-artifacts/e2e/.
 */
describe('web app end to end in Chromium', () => {
  let s: Stack;
  let browser: Browser;
  let base: string;
  let processInstanceKey: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await startStack();
    base = s.web.url.replace(/\/$/, '');
    await s.camunda.deploy([
      { name: 'e2e-report.form', content: JSON.stringify(REPORT_FORM) },
      { name: 'e2e-rectification.bpmn', content: REPORT_PROCESS },
    ]);
    const created = await s.engine.createProcessInstance({ bpmnProcessId: 'e2e-rectification', variables: { unitCode: '370404001', unitName: '坛山街道', inspectionId: 'INS-2026-007', dueDate: '2026-12-31T23:59:59+08:00' } });
    processInstanceKey = created.processInstanceKey;
    await publishAnnouncement(s.store.db, { name: 'system', at: new Date().toISOString() }, { kind: 'feedback', title: '关于对坛山街道开展安全生产巡查情况的公告', body: '区安委会巡查组对坛山街道开展了安全生产巡查。\n欢迎社会各界监督。', subject: 'inspection:INS-2026-007' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const newPage = () => watchedPage(browser, problems, { consoleErrors: true });

  const logIn = (page: Page, login: string) => signIn(page, base, login);

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('lets a unit’s staff member find the task, see field errors, fill the form and complete it', async () => {
    // given
    const page = await newPage();
    await logIn(page, 'danwei-370404001');
    // when
    await page.goto(`${base}/tasks?view=groups`);
    await shot(page, '01-task-list');
    await page.getByRole('link', { name: '报送整改情况' }).click();
    await page.locator('.fjs-form').waitFor();
    await page.getByLabel('整改情况').fill('太短');
    await page.getByRole('button', { name: '提交并完成任务' }).click();
    await page.locator('.fjs-form-field-error').first().waitFor();
    await shot(page, '02-task-form-errors');
    await page.getByLabel('整改情况').fill('已对仓库消防通道占用等三项问题全部完成整改，并建立长效巡查机制。');
    await page.getByLabel('已整改问题数').fill('3');
    await shot(page, '03-task-form-filled');
    await Promise.all([page.waitForURL((url) => url.pathname === '/tasks'), page.getByRole('button', { name: '提交并完成任务' }).click()]);
    await shot(page, '04-task-list-after');
    // then
    const completed = await s.camunda.searchUserTasks({ filter: { processInstanceKey, state: 'COMPLETED' }, page: { limit: 5 } });
    expect(completed.items).toHaveLength(1);
    expect(completed.items[0]!.assignee).toBe('danwei-370404001');
    const vars = await s.camunda.searchVariables({ filter: { processInstanceKey, name: 'fixedCount' }, page: { limit: 5 } });
    expect(vars.items[0]?.value).toBe('3');
    expect(await page.getByText('暂无任务').count()).toBe(1);
  }, 120_000);

  it('shows the administrator the instance moved on to the review step in monitoring', async () => {
    // given
    const page = await newPage();
    await logIn(page, 'admin');
    // when
    await page.goto(`${base}/monitoring?process=e2e-rectification`);
    await shot(page, '05-monitoring-list');
    await page.getByRole('link', { name: processInstanceKey }).click();
    await page.locator('#diagram[data-ready="true"]').waitFor();
    await shot(page, '06-monitoring-instance');
    // then
    expect(await page.locator('.djs-element.active[data-element-id="review"]').count()).toBe(1);
    expect(await page.locator('.djs-element.done[data-element-id="report"]').count()).toBe(1);
    expect(await page.locator('.djs-element.taken[data-element-id="f2"]').count()).toBe(1);
    expect(await page.locator('#timeline').innerText()).toContain('审核整改情况');
    // axe-core's nested-interactive rule: no element whose children are presentational holds a focusable one
    expect(await page.locator('#diagram svg[tabindex]').count()).toBe(1);
    expect(await page.evaluate(nestedInteractive)).toEqual([]);
  }, 120_000);

  it('lets the administrator move the token from review back to report after confirming', async () => {
    // given
    const page = await newPage();
    await logIn(page, 'admin');
    await page.goto(`${base}/monitoring/instances/${processInstanceKey}`);
    // when
    await page.getByRole('link', { name: '修改实例（移动令牌）' }).click();
    await page.getByLabel(/审核整改情况/).check();
    await page.getByLabel('要激活的环节').selectOption('report');
    await page.getByLabel(/变量/).fill('{"退回原因": "整改材料不全"}');
    await shot(page, '06a-monitoring-modify-form');
    await page.getByRole('button', { name: '下一步：确认修改' }).click();
    await page.getByText('请确认以下修改').waitFor();
    await shot(page, '06b-monitoring-modify-confirm');
    await Promise.all([page.waitForURL(`${base}/monitoring/instances/${processInstanceKey}`), page.getByRole('button', { name: '确认修改' }).click()]);
    await page.locator('#diagram[data-ready="true"]').waitFor();
    // then
    expect(await page.locator('.djs-element.active[data-element-id="report"]').count()).toBe(1);
    expect(await page.locator('.djs-element.active[data-element-id="review"]').count()).toBe(0);
    const reason = await s.camunda.searchVariables({ filter: { processInstanceKey, name: '退回原因' }, page: { limit: 5 } });
    expect(reason.items.map((v) => v.value)).toEqual(['"整改材料不全"']);
  }, 120_000);

  it('asks before terminating an instance and leaves it running when the administrator declines', async () => {
    // given
    const { processInstanceKey: key } = await s.engine.createProcessInstance({ bpmnProcessId: 'e2e-rectification', variables: { unitCode: '370404002', unitName: '吴林街道' } });
    const page = await newPage();
    await logIn(page, 'admin');
    await page.goto(`${base}/monitoring/instances/${key}`);
    const questions: string[] = [];
    // when
    page.once('dialog', (d) => { questions.push(d.message()); void d.dismiss(); });
    await page.getByRole('button', { name: '终止实例' }).click();
    await page.reload();
    const afterDecline = await page.locator('#instance-state').innerText();
    page.once('dialog', (d) => { questions.push(d.message()); void d.accept(); });
    await Promise.all([page.waitForURL(`${base}/monitoring/instances/${key}`), page.getByRole('button', { name: '终止实例' }).click()]);
    // then
    expect(questions).toEqual(['确定要终止该流程实例吗？', '确定要终止该流程实例吗？']);
    expect(afterDecline).toBe('进行中');
    await page.waitForFunction(() => document.querySelector('#instance-state')?.textContent === '已终止');
  }, 120_000);

  it('lets the process owner edit the diagram in the browser, lint it and deploy it as a new version', async () => {
    // given
    const page = await newPage();
    await logIn(page, 'liucheng');
    await page.goto(`${base}/processes`);
    await shot(page, '07-process-definitions');
    // when
    await page.getByRole('link', { name: '编辑' }).first().click();
    await page.locator('#canvas[data-ready="true"]').waitFor();
    await page.locator('.bio-properties-panel').waitFor();
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByText(/检查通过/).waitFor();
    await shot(page, '08-modeler-lint');
    await page.getByRole('button', { name: '检查并部署新版本' }).click();
    await page.getByText(/已部署 e2e-rectification 版本 2/).waitFor();
    await page.waitForURL(/\/processes\/\d+$/);
    await page.locator('#diagram[data-ready="true"]').waitFor();
    // then
    const versions = await s.camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'e2e-rectification' }, page: { limit: 10 } });
    expect(versions.items.map((v) => v.version).sort()).toEqual([1, 2]);
    await shot(page, '09-definition-v2');
  }, 120_000);

  it('renders every form of forms/ in the browser with form-js (preview)', async () => {
    // given
    const page = await newPage();
    await logIn(page, 'liucheng');
    const forms = readdirSync(join(__dirname, '..', '..', 'forms')).filter((f) => f.endsWith('.form')).map((f) => f.slice(0, -5));
    const empty: string[] = [];
    // when
    for (const id of forms) {
      await page.goto(`${base}/processes/forms/${id}`);
      await page.locator('.fjs-form').waitFor();
      if ((await page.locator('.fjs-form-field').count()) === 0) empty.push(id);
    }
    await page.goto(`${base}/processes/forms/annual-plan-draft`);
    await page.locator('.fjs-form').waitFor();
    await shot(page, '10-form-preview');
    // then
    expect(forms.length).toBeGreaterThan(10);
    expect(empty).toEqual([]);
  }, 180_000);

  it('draws the 条款落实情况 charts with ECharts from the dashboard', async () => {
    // given
    const page = await newPage();
    await logIn(page, 'anweihui');
    // when
    await page.goto(`${base}/monitoring/dashboard`);
    await Promise.all([page.waitForURL(`${base}/monitoring/compliance`), page.getByRole('link', { name: '条款落实情况' }).click()]);
    await page.locator('#chart-by-clause svg').waitFor();
    await page.locator('#chart-by-month svg').waitFor();
    await shot(page, '10a-compliance');
    // then: the bars carry the clause axis labels, the table the regulation's own deadlines
    expect(await page.locator('#chart-by-clause svg').innerHTML()).toContain('三（三）3');
    expect(await page.locator('table.list').first().innerText()).toContain('巡查结束后15日内');
  }, 120_000);

  it('shows anonymous visitors the public notice board and nothing else', async () => {
    // given
    const page = await newPage();
    // when
    await page.goto(`${base}/board`);
    await shot(page, '11-public-board');
    const notice = page.getByRole('link', { name: '关于对坛山街道开展安全生产巡查情况的公告' });
    await notice.click();
    await page.getByText('欢迎社会各界监督。').waitFor();
    await page.goto(`${base}/monitoring`);
    // then
    expect(page.url()).toBe(`${base}/login?next=%2Fmonitoring`);
  }, 120_000);

  it('ran without script errors in the browser', () => {
    expect(problems).toEqual([]);
  });
});
