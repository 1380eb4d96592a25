import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/db/seed';
import { type Stack, startStack } from './support/stack';
import { launchChromium, signIn, watchedPage } from './support/chromium';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'e2e');

/**
 * In a real headless Chromium: the administrator creates an account in 系统管理 (unit and role picked by name), and
 * its first login leads to 修改密码, which nothing gets past until a password following the policy is set.
 */
describe('first login in Chromium', () => {
  let s: Stack;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await startStack();
    base = s.web.url.replace(/\/$/, '');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const newPage = () => watchedPage(browser, problems);

  const logIn = (page: Page, login: string, password: string) => signIn(page, base, login, password);

  it('makes a new account change the password the administrator set before anything else', async () => {
    // given the administrator creates an account for 坛山街道
    const admin = await newPage();
    await logIn(admin, 'admin', DEMO_PASSWORD);
    await admin.getByRole('link', { name: '系统管理' }).click();
    await admin.getByLabel('用户名（字母、数字、点、横线）').fill('tanshan.li');
    await admin.getByLabel('姓名').fill('李坛山');
    await admin.getByLabel('所属单位（被巡查单位、承办部门角色的范围）').selectOption({ label: '坛山街道' });
    await admin.getByRole('checkbox', { name: '被巡查单位' }).check();
    await admin.getByLabel('初始密码（首次登录时须修改）').fill('Start-Pass-2026');
    await admin.getByRole('button', { name: '创建账号' }).click();
    await admin.getByText('账号 tanshan.li 已创建，首次登录时须修改密码。').waitFor();
    await admin.screenshot({ path: join(ARTIFACTS, 'admin-01-account-created.png'), fullPage: true });

    // when its owner signs in and tries to go elsewhere
    const user = await newPage();
    await logIn(user, 'tanshan.li', 'Start-Pass-2026');
    const forcedAt = new URL(user.url()).pathname;
    await user.goto(`${base}/registers`);
    const stillForced = new URL(user.url()).pathname;
    await user.getByLabel('当前密码').fill('Start-Pass-2026');
    await user.getByLabel('新密码', { exact: true }).fill('tanshan.li-2027');
    await user.getByLabel('再次输入新密码').fill('tanshan.li-2027');
    await user.getByRole('button', { name: '保存新密码' }).click();
    const refusal = await user.getByRole('alert').innerText();
    await user.screenshot({ path: join(ARTIFACTS, 'admin-02-password-refused.png'), fullPage: true });
    await user.getByLabel('当前密码').fill('Start-Pass-2026');
    await user.getByLabel('新密码', { exact: true }).fill('Tanshan-Own-2027');
    await user.getByLabel('再次输入新密码').fill('Tanshan-Own-2027');
    await Promise.all([user.waitForURL(/\/registers/), user.getByRole('button', { name: '保存新密码' }).click()]);

    // then
    expect(forcedAt).toBe('/account/password');
    expect(stillForced).toBe('/account/password');
    expect(refusal).toContain('密码不能包含用户名。');
    await expect(user.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('台账');
    const again = await newPage();
    await logIn(again, 'tanshan.li', 'Tanshan-Own-2027');
    expect(new URL(again.url()).pathname).toBe('/tasks');
    expect(problems).toEqual([]);
  }, 120_000);
});
