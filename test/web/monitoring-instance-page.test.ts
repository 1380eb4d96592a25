import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, signIn, UNIT_A, freshWebEachTest } from './support/harness';

/** The report task maps the unit code into a local variable of its own, as the case diagrams' input mappings do. */
const withLocalUnitCode = taskDiagram({ id: 'rectify', name: '整改督办', taskName: '报送整改情况', formId: null })
  .replace('<zeebe:userTask />', '<zeebe:userTask /><zeebe:ioMapping><zeebe:input source="=unitCode" target="unitCode" /></zeebe:ioMapping>');

const rows = (html: string, name: string) => [...html.matchAll(new RegExp(`<tr><td>${name}</td>`, 'g'))].length;

describe('the monitoring instance page an administrator reads', () => {
  let h: Harness;
  let instance: string;
  const longReport = `整改情况：${'已完成消防通道清理，'.repeat(60)}`;
  freshWebEachTest(async (harness) => {
    h = harness;
    await h.engine.deploy([{ name: 'rectify.bpmn', content: Buffer.from(withLocalUnitCode) }]);
    instance = (await h.engine.createProcessInstance({ bpmnProcessId: 'rectify', variables: { unitCode: UNIT_A, report: longReport, unitName: '坛山街道' } })).processInstanceKey;
  });

  it('lists each process variable once and a local variable apart, with the element it belongs to', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    const stored = await h.camunda.searchVariables({ filter: { processInstanceKey: instance, name: 'unitCode' }, page: { limit: 10 } });
    // when
    const res = await agent.get(`/monitoring/instances/${instance}`).expect(200);
    // then the engine holds the unit code twice (process and task scope), the page shows it once per scope
    expect(stored.items).toHaveLength(2);
    const [processPart, localPart] = res.text.split('环节局部变量（1）');
    expect(rows(processPart!, 'unitCode')).toBe(1);
    expect(rows(processPart!, 'unitName')).toBe(1);
    expect(localPart).toContain(`<tr><td>unitCode</td><td>报送整改情况</td><td class="wrap"><code>&quot;${UNIT_A}&quot;</code></td></tr>`);
  });

  it('folds a long value into a preview the administrator can open', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get(`/monitoring/instances/${instance}`).expect(200);
    // then
    const cell = /<tr><td>report<\/td><td class="wrap">(.*?)<\/td><\/tr>/s.exec(res.text)?.[1] ?? '';
    expect(cell).toMatch(/^<details class="value"><summary><code>&quot;整改情况：已完成消防通道清理，.{60,}…<\/code><\/summary><pre>/s);
    expect(cell).toContain(`<pre>&quot;${longReport}&quot;</pre>`);
    expect(rows(res.text, 'unitName')).toBe(1);
    expect(res.text).toContain('<code>&quot;坛山街道&quot;</code>');
  });

  it('says so when the instance holds more variables than the page shows', async () => {
    // given
    await h.engine.deploy([{ name: 'many.bpmn', content: Buffer.from(taskDiagram({ id: 'many', name: '变量很多', formId: null })) }]);
    const variables = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`v${i}`, i]));
    const many = (await h.engine.createProcessInstance({ bpmnProcessId: 'many', variables })).processInstanceKey;
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get(`/monitoring/instances/${many}`).expect(200);
    const few = await agent.get(`/monitoring/instances/${instance}`).expect(200);
    // then
    expect(res.text).toContain('共 1001 个变量，仅显示前 1000 个。');
    expect(few.text).not.toContain('仅显示前');
  });

  it('offers the processes by name in the filter and keeps the diagram container free of a role that hides its canvas', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const list = await agent.get('/monitoring').expect(200);
    const page = await agent.get(`/monitoring/instances/${instance}`).expect(200);
    // then
    expect(list.text).toContain('<option value="rectify">整改督办</option>');
    expect(page.text).toMatch(/<div id="diagram" class="diagram" role="group" aria-label="流程图[^"]*"><\/div>/);
    expect(page.text).not.toContain('role="img"');
  });
});
