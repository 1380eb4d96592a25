import { type Browser, type Page, chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/db/seed';

/** Debian's Chromium, headless, with nothing that reaches outside the machine (no update checks, no telemetry). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PageOptions {
  width?: number;
  height?: number;
  timezoneId?: string;
  /** Also count the page's console errors as problems. */
  consoleErrors?: boolean;
}

/** A page in a Chinese-locale context of its own; the scripts' errors it raises are pushed to `problems`. */
export async function watchedPage(browser: Browser, problems: string[], options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, locale: 'zh-CN', timezoneId: options.timezoneId });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  if (options.consoleErrors) page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return page;
}

/** Signs in through the login form and waits until the app has moved on from it. */
export async function signIn(page: Page, base: string, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: '登录' }).click()]);
}
