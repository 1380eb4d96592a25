import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { type Stack, startStack } from './stack';
import { launchChromium } from './chromium';

const ROOT = join(__dirname, '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

export interface AnnualPlanBrowser {
  s: Stack;
  browser: Browser;
  /** The web app's address without the trailing slash. */
  base: string;
  close(): Promise<void>;
}

/** The whole stack with the annual plan and its forms deployed, and a headless Chromium (Debian's) to drive it. */
export async function startAnnualPlanBrowser(): Promise<AnnualPlanBrowser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const s = await startStack();
  const file = (path: string) => ({ name: path.split('/').pop()!, content: readFileSync(join(ROOT, path), 'utf8') });
  await s.camunda.deploy([file('forms/annual-plan-draft.form'), file('forms/annual-plan-approval.form'), file('processes/annual-plan.bpmn')]);
  const browser = await launchChromium();
  return {
    s, browser, base: s.web.url.replace(/\/$/, ''),
    async close() {
      await browser.close();
      await s.close();
    },
  };
}
