import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor } from '../../src/db/audit';
import { openInspection } from '../../src/db/registers/inspections';
import { recordTaskEntry } from '../../src/db/task-entries';
import { editableFields, type EditableField } from '../../src/web/forms/entry-fields';
import { type FormComponent, type FormSchema } from '../../src/web/forms/validate';
import { DOC_TYPES } from '../../workers/documents/content';
import { taskDiagram } from './support/fixtures';
import { freshWebEachTest, type Harness, LOGINS, NOW, signIn, UNIT_A } from './support/harness';

/**
 * Nothing entered is lost: every editable field of every form in forms/ is submitted through the task page and found
 * again in the 办理记录 register; the fields the procedure keeps in a register of its own or a document are mapped
 * to it, and the diagrams hand them on from the task.
 */
const FORMS_DIR = join(__dirname, '..', '..', 'forms');
const PROCESSES_DIR = join(__dirname, '..', '..', 'processes');
const forms = readdirSync(FORMS_DIR).filter((f) => f.endsWith('.form')).sort()
  .map((f) => JSON.parse(readFileSync(join(FORMS_DIR, f), 'utf8')) as FormSchema & { id: string });

/** Fields whose value also lands in a register column (table.column) or a document the worker issues (doc:type). */
const NAMED_HOMES: Record<string, Record<string, string[]>> = {
  'inspection-report-draft': {
    reportSummary: ['inspections.report_summary', 'doc:inspection-report'],
    reportCauses: ['inspections.report_causes', 'doc:inspection-report'],
    reportSuggestions: ['inspections.report_suggestions', 'doc:inspection-report'],
  },
  'talk-minutes': {
    talkHeldAt: ['talks.held_at', 'doc:talk-minutes'], intervieweeName: ['talks.interviewee', 'doc:talk-minutes'],
    problemsRaised: ['talks.minutes', 'doc:talk-minutes'], rectificationOpinion: ['talks.minutes', 'doc:talk-minutes'],
    commitments: ['talks.minutes', 'doc:talk-minutes'], followUpDate: ['talks.follow_up_due', 'doc:talk-minutes'],
  },
  'hazard-acceptance': {
    acceptanceDate: ['acceptances.accepted_on', 'doc:acceptance-decision'], acceptanceExperts: ['acceptances.experts', 'doc:acceptance-decision'],
    fundsSpent: ['acceptances.funds_spent', 'doc:acceptance-decision'], acceptanceFindings: ['acceptances.opinion', 'doc:acceptance-decision'],
    acceptanceResult: ['acceptances.passed', 'doc:acceptance-decision'],
  },
  'hazard-extension-review': { extensionDecision: ['extensions.decision'], newRectifyDeadline: ['extensions.requested_due'] },
  'handover-receipt': { receiptDecision: ['handovers.status'], refusalReason: ['handovers.refusal_reason'], receiptSigner: ['handovers.receipt_signer'] },
  'handover-result': { resultText: ['handovers.result_text'], resultMeasures: ['handovers.result_measures'], resultEvidence: ['handovers.result_evidence'] },
};

/** A value that passes the field's rules, from the options the page offers where it has any. */
function valueFor(f: EditableField, options: Record<string, Array<{ value: unknown }>>, pass: number): unknown {
  const c: FormComponent = f.component;
  const offered = c.valuesKey ? (options[c.valuesKey] ?? []).map((o) => o.value) : (c.values ?? []).map((o) => o.value);
  const rules = c.validate ?? {};
  switch (c.type) {
    case 'radio':
    case 'select':
      return offered.length ? offered[Math.min(pass, offered.length - 1)] : undefined;
    case 'checklist':
    case 'taglist':
      return offered.length ? [offered[0]] : [];
    case 'checkbox':
      return pass % 2 === 0;
    case 'number':
      return typeof rules.min === 'number' ? Math.max(rules.min, 1) : 1;
    case 'datetime':
      return c.subtype === 'date' ? '2026-11-30' : c.subtype === 'time' ? '15:00' : '2026-11-30T15:00';
    default: {
      if (rules.validationType === 'email') return 'jubao@yicheng.gov.cn';
      const samples = ['0632-7712345', 'YC-M-07', '峄安办字〔2026〕12号'];
      if (typeof rules.pattern === 'string') return samples.find((s) => new RegExp(rules.pattern as string).test(s));
      const text = `${f.label}的填报内容`;
      return typeof rules.minLength === 'number' ? text.padEnd(rules.minLength, '。') : text;
    }
  }
}

/** A submission for the form: the fields' values nested as the form's groups and lists name them. */
function submission(schema: FormSchema, options: Record<string, Array<{ value: unknown }>>, pass: number): Record<string, unknown> {
  const fill = (components: FormComponent[], target: Record<string, unknown>, prefix: string) => {
    for (const c of components) {
      if (c.type === 'group' && c.components) {
        const nested = c.path ? ((target[c.path] ??= {}) as Record<string, unknown>) : target;
        fill(c.components, nested, c.path ? `${prefix}${c.path}.` : prefix);
      } else if (c.type === 'dynamiclist' && c.path && c.components) {
        const row: Record<string, unknown> = {};
        fill(c.components, row, `${prefix}${c.path}[].`);
        target[c.path] = [row];
      } else if (c.key) {
        const field = editableFields({ components: [c] })[0];
        if (field) {
          const value = valueFor({ ...field, path: `${prefix}${c.key}` }, options, pass);
          if (value !== undefined) target[c.key] = value;
        }
      }
    }
  };
  const out: Record<string, unknown> = {};
  fill(schema.components ?? [], out, '');
  return out;
}

function pageData(page: string): Record<string, Array<{ value: unknown }>> {
  const m = /<script type="application\/json" id="form-data">(.*?)<\/script>/s.exec(page);
  return m ? (JSON.parse(m[1]!) as Record<string, Array<{ value: unknown }>>) : {};
}

describe('every editable form field is kept', () => {
  let h: Harness;
  let inspectionId: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    inspectionId = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    await h.engine.deploy([
      ...forms.map((f) => ({ name: `${f.id}.form`, content: Buffer.from(JSON.stringify(f)) })),
      ...forms.map((f) => ({ name: `kept-${f.id}.bpmn`, content: Buffer.from(taskDiagram({ id: `kept-${f.id}`, name: f.id, taskName: `填报 ${f.id}`, candidateGroups: 'office', formId: f.id })) })),
    ]);
  });

  it('finds every field entered on every form in the 办理记录 register, with its label and value', async () => {
    // given the office completing each form, once per option of its choices (so that every conditional field shows)
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const missing: string[] = [];
    for (const form of forms) {
      const fields = editableFields(form);
      const passes = Math.max(1, ...fields.filter((f) => f.type === 'radio').map((f) => f.component.values?.length ?? 1));
      const kept = new Set<string>();
      for (let pass = 0; pass < passes; pass++) {
        const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: `kept-${form.id}`, variables: { inspectionId, unitCode: UNIT_A } });
        const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
        const options = pageData((await agent.get(`/tasks/${task}`)).text);
        const variables = submission(form, options, pass);
        // when
        const res = await agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json').send({ variables });
        expect({ form: form.id, pass, status: res.status, body: res.body as unknown }).toMatchObject({ form: form.id, pass, status: 200 });
        // then the register row of this task holds what was entered
        const page = await h.store.db.selectFrom('task_entries').select(['fields', 'form_id', 'inspection_id', 'audience']).where('task_key', '=', task).executeTakeFirstOrThrow();
        expect(page).toMatchObject({ form_id: form.id, inspection_id: inspectionId, audience: 'office' });
        const entered = JSON.parse(page.fields) as Array<{ key: string; label: string; value: unknown; text: string }>;
        for (const e of entered) {
          const path = e.key.replace(/\[\d+\]/g, '[]');
          const field = fields.find((f) => f.path === path);
          expect({ form: form.id, key: e.key, known: !!field }).toEqual({ form: form.id, key: e.key, known: true });
          const sent = path.split('.').reduce<unknown>((v, k) => {
            const list = k.endsWith('[]');
            const o = (v as Record<string, unknown>)[list ? k.slice(0, -2) : k];
            return list ? (o as unknown[])[0] : o;
          }, variables);
          if (field!.type !== 'datetime') expect({ form: form.id, key: e.key, value: e.value }).toEqual({ form: form.id, key: e.key, value: sent });
          expect(e.label).toContain(field!.label.split(' ').pop());
          kept.add(path);
        }
      }
      missing.push(...fields.filter((f) => !kept.has(f.path)).map((f) => `${form.id}.${f.path}`));
    }
    expect(missing).toEqual([]);
    // and the register shows them to the office as 「标签：内容」 (searched: more rows than one page)
    const report = await agent.get('/registers/entries').query({ q: '原因分析' });
    expect(report.status).toBe(200);
    expect(report.text).toContain('办理记录');
    expect(report.text).toContain('原因分析：原因分析的填报内容');
    expect((await agent.get('/registers/entries').query({ q: '约谈时间' })).text).toContain('约谈时间：2026年11月30日 15:00');
  }, 240_000);

  it('maps the fields kept in a register or document of their own, and the diagrams hand them on from the task', async () => {
    // given the migrated store's columns and every diagram
    const columns = new Set((await h.store.db.introspection.getTables()).flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
    const diagrams = readdirSync(PROCESSES_DIR).filter((f) => f.endsWith('.bpmn')).map((f) => readFileSync(join(PROCESSES_DIR, f), 'utf8'));
    for (const [formId, homes] of Object.entries(NAMED_HOMES)) {
      const form = forms.find((f) => f.id === formId)!;
      const task = diagrams.map((d) => new RegExp(`<bpmn:userTask[^>]*>(?:(?!</bpmn:userTask>)[\\s\\S])*formId="${formId}"(?:(?!</bpmn:userTask>)[\\s\\S])*</bpmn:userTask>`).exec(d)?.[0]).find(Boolean);
      expect({ formId, task: !!task }).toEqual({ formId, task: true });
      const outputs = [...task!.matchAll(/<zeebe:output source="([^"]*)"/g)].map((m) => m[1]).join(' ');
      for (const [field, places] of Object.entries(homes)) {
        // then the field is the form's, leaves the task in an output mapping, and its homes exist
        expect({ formId, field, editable: editableFields(form).some((f) => f.path === field) }).toEqual({ formId, field, editable: true });
        expect({ formId, field, output: new RegExp(`\\b${field}\\b`).test(outputs) }).toEqual({ formId, field, output: true });
        for (const place of places) {
          const ok = place.startsWith('doc:') ? place.slice(4) in DOC_TYPES : columns.has(place);
          expect({ formId, field, place, ok }).toEqual({ formId, field, place, ok: true });
        }
      }
    }
    // no required checkbox: a yes/no statement is optional and its answer (是/否) is kept
    const required = forms.flatMap((f) => editableFields(f).filter((x) => x.type === 'checkbox' && x.required).map((x) => `${f.id}.${x.path}`));
    expect(required).toEqual([]);
  });
});

describe('the 办理记录 register keeps need-to-know', () => {
  let h: Harness;
  freshWebEachTest(async (harness) => {
    h = harness;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    const inspectionId = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    const entry = (taskKey: string, audience: string, text: string) => recordTaskEntry(h.store.db, by, { taskKey, formId: 'f', taskName: `任务${taskKey}`,
      about: { inspectionId }, audience, fields: [{ key: 'notes', label: '情况', value: text }] });
    await entry('1', 'team', '来信核查情况甲');
    await entry('2', UNIT_A, '本单位填报乙');
    await entry('3', '370404002', '其他单位填报丙');
    await entry('4', 'office', '安委会审批丁');
  });

  it('shows a unit its own entries only, the committee all but the team’s, the office everything', async () => {
    const seen = async (login: string) => (await (await signIn(h.app, login)).agent.get('/registers/entries')).text;
    const unit = await seen(LOGINS.unitA);
    expect(unit).toContain('本单位填报乙');
    for (const hidden of ['来信核查情况甲', '其他单位填报丙', '安委会审批丁']) expect(unit).not.toContain(hidden);
    const committee = await seen(LOGINS.committee);
    expect(committee).not.toContain('来信核查情况甲');
    for (const shown of ['本单位填报乙', '其他单位填报丙', '安委会审批丁']) expect(committee).toContain(shown);
    const office = await seen(LOGINS.office);
    for (const shown of ['来信核查情况甲', '本单位填报乙', '其他单位填报丙', '安委会审批丁']) expect(office).toContain(shown);
  });
});
