import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/db/seed';
import { type AnnualPlanBrowser, ARTIFACTS, startAnnualPlanBrowser } from './support/annual-plan-browser';
import { eventually, type Stack } from './support/stack';
import { signIn, watchedPage } from './support/chromium';

/**
 * The annual-plan draft, the first task of the whole procedure, in a real Chromium: the units to inspect are offered
 * by name from the domain store, can be picked, and the submitted plan carries their codes to the next step.
 */
describe('annual-plan draft in Chromium', () => {
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

  it('offers the units by name, lets the office pick them and completes the draft with their codes', async () => {
    // given a plan returned for revision: everything but the units is already filled in
    const plan = { year: 2027, cycleStart: '2025-11-12', planTitle: '峄城区2027年度安全生产巡查工作方案', planTheme: '聚焦危险化学品、城镇燃气和人员密集场所消防安全', rounds: [{ no: 1, start: '2027-03-08', end: '2027-03-26' }] };
    const { processInstanceKey } = await s.engine.createProcessInstance({ bpmnProcessId: 'annual-plan', variables: { year: 2027, plan } });
    const [deadline] = await s.engine.activateJobs({ type: 'yc-deadline', worker: 'e2e', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    await s.engine.completeJob(deadline!.key, { planDraftDue: '2026-12-11T23:59:59+08:00' });
    const task = await eventually(async () => (await s.camunda.searchUserTasks({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 1 } })).items[0]);
    const problems: string[] = [];
    const page = await watchedPage(browser, problems, { height: 1100 });
    await signIn(page, base, 'anweiban');
    // when the office opens the draft and picks units in the plan and in the round
    await page.goto(`${base}/tasks/${task.userTaskKey}`);
    await page.locator('.fjs-form').waitFor();
    const planUnits = page.getByLabel('本年度被巡查单位');
    await planUnits.fill('坛山');
    await page.locator('.fjs-dropdownlist-item', { hasText: '坛山街道' }).click();
    await planUnits.fill('区委');
    const offered = await page.locator('.fjs-dropdownlist-item').allTextContents();
    await shot(page, '20-annual-plan-units-offered');
    await page.locator('.fjs-dropdownlist-item', { hasText: '区委办公室' }).click();
    const roundUnits = page.getByLabel('本轮被巡查单位');
    await roundUnits.fill('坛山');
    await page.locator('.fjs-dropdownlist-item', { hasText: '坛山街道' }).click();
    await shot(page, '21-annual-plan-units-picked');
    const tags = await page.locator('.fjs-taglist-tag').allTextContents();
    await Promise.all([page.waitForURL((url) => url.pathname === '/tasks'), page.getByRole('button', { name: '提交并完成任务' }).click()]);
    // then the office saw names, and the plan went on to the automatic check with the codes
    expect(offered.map((t) => t.trim())).toEqual(expect.arrayContaining(['区委办公室（区委办）', '区委组织部']));
    expect(tags.map((t) => t.trim())).toEqual(['坛山街道', '区委办公室（区委办）', '坛山街道']);
    const [check] = await s.engine.activateJobs({ type: 'yc-plan-check', worker: 'e2e', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    expect(check?.processInstanceKey).toBe(processInstanceKey);
    expect(check!.variables.plan).toMatchObject({ units: ['370404001', 'YC-M-01'], rounds: [{ no: 1, units: ['370404001'] }] });
    expect(Object.keys(check!.variables)).not.toContain('unitOptions');
    expect(problems).toEqual([]);
  }, 120_000);

  it('offers team leaders by name, unit and rank in a Chinese search box (team-proposal preview)', async () => {
    // given the process owner on the preview of the team proposal
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' })).newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('liucheng');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: '登录' }).click()]);
    await page.goto(`${base}/processes/forms/team-proposal`);
    await page.locator('.fjs-form').waitFor();
    // when the leader field is searched
    const leader = page.locator('.fjs-form-field-select').first().locator('input'); // 组长, the form's first select
    await leader.click();
    const placeholder = await leader.getAttribute('placeholder');
    await leader.fill('王建国');
    const offered = await page.locator('.fjs-dropdownlist-item').allTextContents();
    await shot(page, '22-team-proposal-leader');
    // then
    expect(placeholder).toBe('搜索');
    expect(offered.map((t) => t.trim())).toEqual(['王建国 · 区委办公室 · 科级']);
  }, 60_000);
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
