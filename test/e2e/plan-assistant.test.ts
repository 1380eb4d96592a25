import { join } from 'node:path';
import { checkPlan } from '../../src/domain/plan';
import { type AnnualPlanBrowser, ARTIFACTS, startAnnualPlanBrowser } from './support/annual-plan-browser';
import { eventually, type Stack } from './support/stack';
import { signIn, watchedPage } from './support/chromium';

/** 生成建议方案 in a real Chromium: the office has the plan assistant fill the annual plan draft, adds its theme and submits. */
describe('plan assistant in Chromium', () => {
  let setUp: AnnualPlanBrowser;
  let s: Stack;
  let browser: AnnualPlanBrowser['browser'];
  let base: string;

  beforeAll(async () => {
    setUp = await startAnnualPlanBrowser();
    ({ s, browser, base } = setUp);
  }, 120_000);

  afterAll(async () => {
    await setUp?.close();
  });

  it('fills the annual plan draft with the proposal, which the office completes and the plan check receives', async () => {
    // given the draft of the first year of a cycle starting in 2027
    const { processInstanceKey } = await s.engine.createProcessInstance({ bpmnProcessId: 'annual-plan', variables: { year: 2027, plan: { year: 2027, cycleStart: '2027-01-01' } } });
    const [deadline] = await s.engine.activateJobs({ type: 'yc-deadline', worker: 'e2e', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    await s.engine.completeJob(deadline!.key, { planDraftDue: '2026-12-11T23:59:59+08:00' });
    const task = await eventually(async () => (await s.camunda.searchUserTasks({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 1 } })).items[0]);
    const problems: string[] = [];
    const page = await watchedPage(browser, problems, { height: 1100 });
    await signIn(page, base, 'anweiban');
    await page.goto(`${base}/tasks/${task.userTaskKey}`);
    await page.locator('.fjs-form').waitFor();
    // when the office asks for a proposal, adds the theme and submits
    await page.getByRole('button', { name: '生成建议方案' }).click();
    await page.locator('#plan-proposal-result', { hasText: '已按全部规则生成建议方案' }).waitFor({ timeout: 60_000 });
    const tags = await page.locator('.fjs-taglist-tag').count();
    const title = await page.getByLabel('方案标题').inputValue();
    // the form renders the imported proposal once more after the message shows: type when what is typed stays
    const theme = page.getByLabel('年度专题和巡查重点');
    const typed = '聚焦危险化学品、城镇燃气和人员密集场所消防安全';
    for (let attempt = 0; attempt < 10; attempt++) {
      await theme.fill(typed);
      await page.waitForTimeout(300);
      if ((await theme.inputValue()) === typed) break;
    }
    await page.screenshot({ path: join(ARTIFACTS, '30-plan-assistant-proposal.png'), fullPage: true });
    await Promise.all([page.waitForURL((url) => url.pathname === '/tasks'), page.getByRole('button', { name: '提交并完成任务' }).click()]);
    // then the form showed the 21 units of 2027 in the plan and again in its rounds, and the plan check got them
    expect(title).toBe('峄城区2027年度安全生产巡查工作方案');
    expect(tags).toBe(42);
    const [check] = await s.engine.activateJobs({ type: 'yc-plan-check', worker: 'e2e', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    const plan = check!.variables.plan as Parameters<typeof checkPlan>[0] & { planTheme: string };
    expect(plan.units).toHaveLength(21);
    expect(plan.planTheme).toBe('聚焦危险化学品、城镇燃气和人员密集场所消防安全');
    expect(checkPlan(plan, { inspectable: plan.units, inspectedInCycle: [] })).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});
