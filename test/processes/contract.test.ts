// Static contract between processes/, forms/ and workers/ (no engine needed).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from 'feelin';
import {
  type Diagram,
  type El,
  extension,
  flowElements,
  formKeys,
  loadDiagrams,
  loadForms,
  loadJobContract,
  root,
} from './load-diagrams';

const clause = /[一二三四]（[一二三四五六七八九十]+）|^[一二三四]、/;
const contract = loadJobContract();
const forms = loadForms();
let diagrams: Diagram[] = [];

const allElements = (): { file: string; el: El }[] =>
  diagrams.flatMap((d) => flowElements(d.process).map((el) => ({ file: d.file, el })));
const ofType = (type: string): { file: string; el: El }[] => allElements().filter(({ el }) => el.$type === type);
const feel = (expression: string): string => expression.replace(/^=/, '');

/** Variables that some diagram maps, iterates, computes with yc-deadline or a worker writes (JOB-TYPES.md). */
const knownVariables = (): Set<string> => {
  const known = new Set(contract.writes);
  for (const { el } of allElements()) {
    const io = extension(el, 'zeebe:IoMapping');
    for (const p of [...(io?.inputParameters ?? []), ...(io?.outputParameters ?? [])]) known.add(p.target);
    const loop = el.loopCharacteristics && extension(el.loopCharacteristics, 'zeebe:LoopCharacteristics');
    if (loop?.inputElement) known.add(loop.inputElement);
    for (const h of extension(el, 'zeebe:TaskHeaders')?.values ?? []) {
      if (h.key === 'result') known.add(h.value).add(`${h.value}Reminder`);
    }
  }
  return known;
};

beforeAll(async () => {
  diagrams = await loadDiagrams();
});

describe('diagrams', () => {
  it('parse without warnings, one executable Camunda 8.8 process per file named after its id', () => {
    // given the diagrams in processes/
    expect(diagrams.length).toBeGreaterThanOrEqual(10);
    for (const d of diagrams) {
      // then
      expect(d.warnings).toEqual([]);
      const processes = d.definitions.rootElements.filter((r: El) => r.$type === 'bpmn:Process');
      expect(processes).toHaveLength(1);
      expect(d.process.isExecutable).toBe(true);
      expect(`${d.process.id}.bpmn`).toBe(d.file);
      expect(d.process.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(d.definitions.$attrs['modeler:executionPlatform']).toBe('Camunda Cloud');
      expect(d.definitions.$attrs['modeler:executionPlatformVersion']).toBe('8.8.0');
    }
  });

  it('document the clause of the regulation on every process, flow node and named flow', () => {
    // given every process and flow node
    const undocumented = [
      ...diagrams.map((d) => ({ file: d.file, el: d.process })),
      // flows are documented where they name a decision's outcome
      ...allElements().filter(({ el }) => el.$type !== 'bpmn:SequenceFlow' || el.name),
    ]
      // when the documentation is read
      .filter(({ el }) => !clause.test(el.documentation?.[0]?.text ?? ''))
      .map(({ file, el }) => `${file}#${el.id}`);
    // then it names a clause such as 三（三）3
    expect(undocumented).toEqual([]);
  });

  it('give ids in kebab-case English and names in Chinese', () => {
    const bad = allElements()
      .filter(({ el }) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(el.id) || (el.name && !/[\u4e00-\u9fff]/.test(el.name)))
      .map(({ file, el }) => `${file}#${el.id}`);
    expect(bad).toEqual([]);
  });

  it('use only job types, headers and templates of workers/JOB-TYPES.md', () => {
    // given the service tasks
    const tasks = ofType('bpmn:ServiceTask');
    expect(tasks.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const { file, el } of tasks) {
      const type = extension(el, 'zeebe:TaskDefinition')?.type;
      // then each type is in the contract …
      if (!contract.jobTypes.has(type)) problems.push(`${file}#${el.id}: job type ${type}`);
      // … and each enumerated header value is allowed
      for (const h of extension(el, 'zeebe:TaskHeaders')?.values ?? []) {
        const allowed = h.key === 'template' ? contract.templates : contract.headerValues.get(`${type}/${h.key}`);
        const values = h.key === 'to' ? h.value.split(',') : [h.value];
        const enumerated = allowed ?? (h.key === 'to' ? contract.headerValues.get('yc-notify/to') : undefined);
        if (enumerated && values.some((v: string) => !enumerated.has(v))) problems.push(`${file}#${el.id}: ${h.key}=${h.value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('have one worker file per job type once the worker registry exists', () => {
    // given the worker files (workers/<type without yc->.ts) and the registry workers/index.ts that registers them all
    const workers = join(root, 'workers');
    const registry = existsSync(join(workers, 'index.ts'));
    const workerFiles = readdirSync(workers).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const used = new Set(ofType('bpmn:ServiceTask').map(({ el }) => extension(el, 'zeebe:TaskDefinition')?.type as string));
    // then, once the registry is written, every job type used by a diagram has its worker
    const missing = registry ? [...used].filter((t) => !workerFiles.includes(`${t.replace(/^yc-/, '')}.ts`)) : [];
    expect(missing).toEqual([]);
  });

  it('link every user task to a form, candidate groups of the contract and a FEEL due date', () => {
    const problems: string[] = [];
    const tasks = ofType('bpmn:UserTask');
    expect(tasks.length).toBeGreaterThan(25);
    for (const { file, el } of tasks) {
      const where = `${file}#${el.id}`;
      if (!extension(el, 'zeebe:UserTask')) problems.push(`${where}: not a Camunda user task`);
      const formId = extension(el, 'zeebe:FormDefinition')?.formId;
      if (!forms.has(formId)) problems.push(`${where}: form ${formId} missing`);
      const due = extension(el, 'zeebe:TaskSchedule')?.dueDate ?? '';
      if (!/^=\w/.test(due)) problems.push(`${where}: due date ${due}`);
      const groups: string = extension(el, 'zeebe:AssignmentDefinition')?.candidateGroups ?? '';
      const names = groups.startsWith('=') ? [...groups.matchAll(/"([a-z-]+):?"/g)].map((m) => m[1]) : groups.split(',');
      if (!names.length || names.some((g) => !contract.groups.has(g))) problems.push(`${where}: candidate groups ${groups}`);
    }
    expect(problems).toEqual([]);
  });

  it('read from each form only fields that the form has', () => {
    // given the output mappings of the user tasks, which read what the form submitted
    const problems: string[] = [];
    for (const { file, el } of ofType('bpmn:UserTask')) {
      const form = forms.get(extension(el, 'zeebe:FormDefinition')?.formId);
      if (!form) continue;
      const keys = new Set(formKeys(form.components));
      for (const out of extension(el, 'zeebe:IoMapping')?.outputParameters ?? []) {
        // when the source is a plain variable, it must be a field of the form
        const plain = /^=(\w+)$/.exec(out.source);
        if (plain && !keys.has(plain[1])) problems.push(`${file}#${el.id}: ${plain[1]} not in ${form.id}`);
      }
      // and every read-only context field shows a variable the task can see
      const inputs = new Set((extension(el, 'zeebe:IoMapping')?.inputParameters ?? []).map((i: El) => i.target));
      for (const c of form.components.flatMap((x: El) => x.components ?? [])) {
        if (c.readonly && !inputs.has(c.key) && !knownVariables().has(c.key)) problems.push(`${form.id}: ${c.key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('call only processes of the landscape, with explicit variable propagation', () => {
    const ids = new Set(diagrams.map((d) => d.process.id));
    const problems = ofType('bpmn:CallActivity')
      .filter(({ el }) => {
        const called = extension(el, 'zeebe:CalledElement');
        return !ids.has(called?.processId) || called.propagateAllChildVariables !== false || called.propagateAllParentVariables !== false;
      })
      .map(({ file, el }) => `${file}#${el.id}`);
    expect(problems).toEqual([]);
  });

  it('catch only messages of the contract, with its correlation keys', () => {
    const problems: string[] = [];
    for (const d of diagrams) {
      for (const m of d.definitions.rootElements.filter((r: El) => r.$type === 'bpmn:Message')) {
        const key = contract.messages.get(m.name);
        if (key === undefined) problems.push(`${d.file}: message ${m.name}`);
        const subscription = extension(m, 'zeebe:Subscription');
        if (subscription && subscription.correlationKey !== `=${key}`) problems.push(`${d.file}: ${m.name} key ${subscription.correlationKey}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('write conditions, timers and mappings as FEEL that parses', () => {
    const problems: string[] = [];
    const check = (where: string, expression: string | undefined): void => {
      if (!expression?.startsWith('=')) return problems.push(`${where}: ${expression} has no leading =`) as unknown as void;
      try {
        evaluate(feel(expression), {});
      } catch (err) {
        problems.push(`${where}: ${expression}: ${(err as Error).message}`);
      }
    };
    for (const { file, el } of allElements()) {
      const where = `${file}#${el.id}`;
      if (el.conditionExpression) check(where, el.conditionExpression.body);
      for (const def of el.eventDefinitions ?? []) if (def.timeDate) check(where, def.timeDate.body);
      const io = extension(el, 'zeebe:IoMapping');
      for (const p of [...(io?.inputParameters ?? []), ...(io?.outputParameters ?? [])]) check(where, p.source);
    }
    expect(problems).toEqual([]);
  });

  it('leave no gateway decision without a default or complete conditions', () => {
    const problems = ofType('bpmn:ExclusiveGateway')
      .filter(({ el }) => el.outgoing.length > 1 && !el.default && el.outgoing.some((f: { conditionExpression?: unknown }) => !f.conditionExpression))
      .map(({ file, el }) => `${file}#${el.id}`);
    expect(problems).toEqual([]);
  });

  // A person's decision, or a check's verdict, that is missing must stop the instance with an incident; a default
  // flow would take a branch nobody chose (approve, list, go on unchanged).
  it('let no default flow decide in the diagrams of the inspection lifecycle', () => {
    const lifecycle = ['annual-plan', 'inspection-round', 'unit-inspection', 'problem-case', 'rectification-case', 'problem-disposal',
      'team-formation', 'inspection-entry', 'onsite-work', 'inspection-report', 'collective-feedback', 'inspection-results',
      'city-inspection-liaison', 'special-inspection'].map((d) => `${d}.bpmn`);
    const problems = ofType('bpmn:ExclusiveGateway')
      .filter(({ file, el }) => lifecycle.includes(file) && el.default)
      .map(({ file, el }) => `${file}#${el.id}`);
    expect(problems).toEqual([]);
  });
});

describe('forms', () => {
  it('has exactly the forms that user tasks link', async () => {
    const linked = new Set(ofType('bpmn:UserTask').map(({ el }) => extension(el, 'zeebe:FormDefinition')?.formId as string));
    expect([...forms.keys()].sort()).toEqual([...linked].sort());
  });
});
