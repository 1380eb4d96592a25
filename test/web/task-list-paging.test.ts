// The task list is paged in the engine's search: every open task is reachable page by page, none twice, none cut
// off (the list used to stop at 500 tasks without a word).
import { eventually } from '../support/eventually';
import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, freshWebEachTest } from './support/harness';

jest.setTimeout(60_000);

const DATED = 70;
const UNDATED = 50;
const keysOn = (html: string) => [...html.matchAll(/<a href="\/tasks\/(\d+)">/g)].map((m) => m[1]);

describe('the paged task list', () => {
  let h: Harness;
  freshWebEachTest(async (harness) => {
    h = harness;
    await h.engine.deploy([
      { name: 'dated.bpmn', content: Buffer.from(taskDiagram({ id: 'paging-dated', name: '有期限', taskName: '审核方案', candidateGroups: 'office', dueDate: '=due', formId: null })) },
      { name: 'undated.bpmn', content: Buffer.from(taskDiagram({ id: 'paging-undated', name: '无期限', taskName: '登记台账', candidateGroups: 'office', formId: null })) },
    ]);
    for (let i = 0; i < DATED; i += 1) {
      const due = new Date(NOW.getTime() + (DATED - i) * 3_600_000).toISOString(); // created in reverse order of due date
      await h.engine.createProcessInstance({ bpmnProcessId: 'paging-dated', variables: { due } });
    }
    for (let i = 0; i < UNDATED; i += 1) await h.engine.createProcessInstance({ bpmnProcessId: 'paging-undated', variables: {} });
    await eventually(async () => (await h.camunda.searchUserTasks({ filter: { state: 'CREATED' }, page: { limit: 1 } })).page.totalItems === DATED + UNDATED || undefined, 30_000);
  });

  it('shows every task once over the pages, the most urgent first, and says when there is no next page', async () => {
    // given the office with 120 open tasks
    const { agent } = await signIn(h.app, LOGINS.office);
    // when it reads page after page
    const pages: string[] = [];
    for (let page = 1; page <= 4; page += 1) pages.push((await agent.get(`/tasks?view=all&page=${page}`).expect(200)).text);
    // then 50 + 50 + 20 tasks, all different, and the third page has no next page
    const keys = pages.map(keysOn);
    expect(keys.map((k) => k.length)).toEqual([50, 50, DATED + UNDATED - 100, 0]);
    expect(new Set(keys.flat()).size).toBe(DATED + UNDATED);
    expect(pages[0]).toContain('rel="next"');
    expect(pages[2]).not.toContain('rel="next"');
    expect(pages[1]).toContain('rel="prev"');
    // and the tasks with a due date come first, the nearest due date on top
    const shown = await Promise.all(keys.flat().map((k) => h.camunda.getUserTask(k)));
    const dues = shown.map((t) => (t.dueDate ? Date.parse(t.dueDate) : Number.POSITIVE_INFINITY));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(shown.slice(0, DATED).every((t) => t.dueDate)).toBe(true);
  });

  it('keeps the filters on the page links and filters in the engine', async () => {
    const { agent } = await signIn(h.app, LOGINS.office);
    // when filtered by due date (due within two days of NOW: the dated tasks due in 1 to 48 hours)
    const soon = await agent.get('/tasks?view=all&due=soon').expect(200);
    // then one page of 48
    expect(keysOn(soon.text)).toHaveLength(48);
    expect(soon.text).not.toContain('rel="next"');
    // when searched by text (the 70 dated tasks are 审核方案)
    const search = await agent.get(`/tasks?view=all&q=${encodeURIComponent('方案')}`).expect(200);
    // then a full page whose next-page link keeps the search
    expect(keysOn(search.text)).toHaveLength(50);
    expect(search.text).toContain(`href="/tasks?view=all&amp;q=${encodeURIComponent('方案')}&amp;page=2" rel="next"`);
    const second = await agent.get(`/tasks?view=all&q=${encodeURIComponent('方案')}&page=2`).expect(200);
    expect(keysOn(second.text)).toHaveLength(DATED - 50);
  });
});
