import { type Browser, type Page } from 'playwright-core';
import { REPORT_PROCESS, type Stack, startStack } from './support/stack';
import { launchChromium, signIn, watchedPage } from './support/chromium';


/** A form with the widgets form-js draws itself: a select, a date-time and a date. */
const DATES_FORM = {
  id: 'e2e-report', type: 'default', executionPlatform: 'Camunda Cloud', executionPlatformVersion: '8.8.0', schemaVersion: 19,
  components: [
    { type: 'select', key: 'result', id: 'result', label: '结论', values: [{ label: '已完成', value: 'done' }, { label: '部分完成', value: 'partial' }] },
    { type: 'datetime', subtype: 'datetime', key: 'talkHeldAt', id: 'talkHeldAt', dateLabel: '约谈日期', timeLabel: '约谈时间', use24h: true },
    { type: 'datetime', subtype: 'date', key: 'due', id: 'due', dateLabel: '整改期限' },
  ],
};

/** The form-js widgets and the modeler speak Chinese in a real Chromium, and a typed impossible date is named. */
describe('Chinese in the browser widgets', () => {
  let s: Stack;
  let browser: Browser;
  let base: string;
  let taskKey: string;
  const problems: string[] = [];

  beforeAll(async () => {
    s = await startStack();
    base = s.web.url.replace(/\/$/, '');
    await s.camunda.deploy([
      { name: 'e2e-report.form', content: JSON.stringify(DATES_FORM) },
      { name: 'e2e-rectification.bpmn', content: REPORT_PROCESS },
    ]);
    const { processInstanceKey } = await s.engine.createProcessInstance({ bpmnProcessId: 'e2e-rectification', variables: { unitCode: '370404001', unitName: '坛山街道' } });
    const tasks = await s.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } });
    taskKey = tasks.items[0]!.userTaskKey;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function logIn(login: string): Promise<Page> {
    const page = await watchedPage(browser, problems, { timezoneId: 'Asia/Shanghai' });
    await signIn(page, base, login);
    return page;
  }

  it('shows the select, the time field and the calendar in Chinese and names an impossible typed date', async () => {
    // given
    const page = await logIn('danwei-370404001');
    await page.goto(`${base}/tasks/${taskKey}`);
    await page.locator('.fjs-form').waitFor();
    // when
    const select = (await page.locator('.fjs-select-display').first().innerText()).trim();
    const timePlaceholder = await page.getByLabel('约谈时间').getAttribute('placeholder');
    await page.getByLabel('整改期限').click();
    const calendar = page.locator('.flatpickr-calendar.open');
    await calendar.waitFor();
    const weekdays = await calendar.locator('.flatpickr-weekday').allInnerTexts();
    const month = await calendar.locator('.flatpickr-monthDropdown-months option').first().innerText();
    await page.getByLabel('整改期限').fill('2027/13/45');
    await page.getByLabel('整改期限').press('Tab');
    const error = page.locator('.typed-date-error');
    await error.waitFor();
    // then
    expect(select).toBe('请选择');
    expect(timePlaceholder).toBe('时:分');
    expect(weekdays.map((w) => w.trim())).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(month).toBe('一月');
    expect(await error.innerText()).toBe('2027年13月45日不是有效日期，请检查月份和日期。');
    expect(await page.getByLabel('整改期限').inputValue()).toBe('2027/13/45');
    // when the date is corrected, the message goes and the picker takes it
    await page.getByLabel('整改期限').fill('2027/3/1');
    await page.getByLabel('整改期限').press('Tab');
    // then
    expect(await page.locator('.typed-date-error').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the modeler’s palette and properties panel in Chinese', async () => {
    // given
    const page = await logIn('liucheng');
    await page.goto(`${base}/processes`);
    // when
    await page.getByRole('link', { name: '编辑' }).first().click();
    await page.locator('#canvas[data-ready="true"]').waitFor();
    await page.locator('.bio-properties-panel').waitFor();
    // then
    expect(await page.locator('.djs-palette [data-action="create.start-event"]').getAttribute('aria-label')).toBe('创建开始事件');
    const groups = await page.locator('.bio-properties-panel-group-header-title').allInnerTexts();
    expect(groups).toEqual(expect.arrayContaining(['常规', '说明', '执行监听器', '扩展属性']));
    expect(groups).not.toContain('General');
    expect(problems).toEqual([]);
  }, 120_000);
});
