// The process owner edits the DMN decision table (processes/problem-classification.dmn) in the web workspace with
// dmn-js, checks it and deploys it; the engine evaluates the new version. A table that fails the check is refused.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { type Stack, startStack } from './support/stack';
import { launchChromium, signIn, watchedPage } from './support/chromium';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
const MAJOR_CHEMICALS = { category: 'C1', severity: '重大', industry: '危险化学品' };

describe('decision table in the web workspace (dmn-js)', () => {
  let s: Stack;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await startStack();
    base = s.web.url.replace(/\/$/, '');
    await s.camunda.deploy([{ name: 'problem-classification.dmn', content: readFileSync(join(ROOT, 'processes', 'problem-classification.dmn'), 'utf8') }]);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function ownerPage(): Promise<Page> {
    const page = await watchedPage(browser, problems, { width: 1400, consoleErrors: true });
    await signIn(page, base, 'liucheng');
    return page;
  }

  /** Replaces the text of one cell of the table, as a person types into it. */
  async function typeInto(page: Page, entryId: string, text: string): Promise<void> {
    const cell = page.locator(`td[data-element-id="${entryId}"]`);
    await cell.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.locator('h1').click(); // leave the cell
  }

  const evaluate = async () => {
    const r = await s.engine.evaluateDecision({ decisionId: 'problem-classification', variables: MAJOR_CHEMICALS });
    return { decisionVersion: r.decisionVersion, decisionOutput: JSON.parse(r.decisionOutput) as Record<string, unknown> };
  };

  it('opens the table in Chinese, changes a cell, checks and deploys it, and the engine evaluates the new version', async () => {
    // given the table as deployed from the repository
    expect(await evaluate()).toMatchObject({ decisionVersion: 1, decisionOutput: { route: 'listing', departmentName: '区应急管理局' } });
    const page = await ownerPage();
    await page.goto(`${base}/processes`);
    await page.getByRole('link', { name: '决策表' }).click();
    await page.getByRole('row', { name: /问题分类处置/ }).getByRole('link', { name: '编辑' }).click();
    await page.locator('#dmn-editor[data-ready="true"]').waitFor();
    await page.locator('td[data-element-id="rule-01-department-name"]').waitFor();
    expect(await page.locator('#dmn-editor').innerText()).toMatch(/命中策略/);
    expect(await page.getByText('当前生效：版本 1').count()).toBe(1);
    // when the owner changes the department of the first rule, checks and deploys
    await typeInto(page, 'rule-01-department-name', '"区应急管理局（危化品安全监管科）"');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByText('检查通过。').waitFor();
    await page.getByRole('button', { name: '检查并部署新版本' }).click();
    await page.getByText('已部署决策表 problem-classification 版本 2。').waitFor();
    expect(await page.locator('#decision-source').innerText()).toBe('当前生效：版本 2');
    await page.screenshot({ path: join(ARTIFACTS, '20-decision-table-deployed.png'), fullPage: true });
    // then the engine evaluates version 2 with the new cell
    expect(await evaluate()).toMatchObject({ decisionVersion: 2, decisionOutput: { route: 'listing', departmentName: '区应急管理局（危化品安全监管科）' } });
    // and the editor opens the version in force
    await page.reload();
    await page.locator('#dmn-editor[data-ready="true"]').waitFor();
    expect(await page.getByText('当前生效：版本 2').count()).toBe(1);
    expect(await page.locator('td[data-element-id="rule-01-department-name"]').innerText()).toContain('危化品安全监管科');
    expect(problems).toEqual([]);
  }, 120_000);

  it('refuses to deploy a route the processes do not know, naming the cell, and the engine keeps the version in force', async () => {
    // given
    const page = await ownerPage();
    await page.goto(`${base}/processes/decisions/problem-classification/edit`);
    await page.locator('td[data-element-id="rule-01-route"]').waitFor();
    const before = (await evaluate()).decisionVersion;
    // when the owner mistypes a route and deploys
    await typeInto(page, 'rule-01-route', '"listng"');
    await page.getByRole('button', { name: '检查并部署新版本' }).click();
    // then nothing is deployed and the cell is named
    await page.getByText('决策表未通过检查，未部署。').waitFor();
    expect(await page.locator('#lint-results').innerText()).toContain('第1条规则“处置方式”列的结果“listng”不在允许的取值');
    expect((await evaluate()).decisionVersion).toBe(before);
    // (the browser logs the refusal's 422 answer as a failed load)
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
  }, 120_000);
});
