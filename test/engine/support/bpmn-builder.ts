/**
 * A small fluent builder for test diagrams: nodes connect to the previous one unless `from(id)` moves the cursor.
 * Produces BPMN XML with the Zeebe extensions the engine reads.
 */

type Attrs = Record<string, string | number | boolean | undefined>;

interface NodeSpec {
  id: string;
  tag: string;
  attrs: Attrs;
  inner: string[];
  children?: ProcessBuilder;
}

interface TaskOptions {
  type?: string;
  retries?: string | number;
  inputs?: [string, string][];
  outputs?: [string, string][];
  headers?: Record<string, string>;
  name?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attrText = (attrs: Attrs): string =>
  Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');

function io(inputs?: [string, string][], outputs?: [string, string][]): string[] {
  if (!inputs?.length && !outputs?.length) return [];
  const lines = [
    ...(inputs ?? []).map(([source, target]) => `<zeebe:input source="${esc(source)}" target="${esc(target)}"/>`),
    ...(outputs ?? []).map(([source, target]) => `<zeebe:output source="${esc(source)}" target="${esc(target)}"/>`),
  ];
  return [`<zeebe:ioMapping>${lines.join('')}</zeebe:ioMapping>`];
}

function headers(h?: Record<string, string>): string[] {
  if (!h) return [];
  return [`<zeebe:taskHeaders>${Object.entries(h).map(([k, v]) => `<zeebe:header key="${esc(k)}" value="${esc(v)}"/>`).join('')}</zeebe:taskHeaders>`];
}

const ext = (parts: string[]): string => (parts.length ? `<bpmn:extensionElements>${parts.join('')}</bpmn:extensionElements>` : '');

export class ProcessBuilder {
  readonly nodes: NodeSpec[] = [];
  readonly flows: { id: string; source: string; target: string; condition?: string }[] = [];
  readonly messages = new Map<string, string | undefined>();
  readonly errors = new Set<string>();
  private cursor: string | undefined;
  private nextCondition: string | undefined;
  private nextFlowId: string | undefined;
  private flowCount = 0;

  constructor(
    readonly id: string,
    private readonly root?: ProcessBuilder,
  ) {}

  private top(): ProcessBuilder {
    return this.root ?? this;
  }

  private add(spec: NodeSpec, connect = true): this {
    this.nodes.push(spec);
    if (connect && this.cursor) this.connect(this.cursor, spec.id);
    this.cursor = spec.id;
    return this;
  }

  connect(source: string, target: string): this {
    const id = this.nextFlowId ?? `flow_${source}_${target}_${++this.flowCount}`;
    this.flows.push({ id, source, target, condition: this.nextCondition });
    this.nextCondition = undefined;
    this.nextFlowId = undefined;
    return this;
  }

  /** Moves the cursor: the next node connects from `id`. */
  from(id: string): this {
    this.cursor = id;
    return this;
  }

  /** Connects the cursor to an existing node. */
  to(id: string): this {
    if (this.cursor) this.connect(this.cursor, id);
    this.cursor = id;
    return this;
  }

  condition(expression: string, flowId?: string): this {
    this.nextCondition = expression;
    this.nextFlowId = flowId;
    return this;
  }

  flowId(id: string): this {
    this.nextFlowId = id;
    return this;
  }

  start(id = 'start', opts: { message?: string; outputs?: [string, string][] } = {}): this {
    const inner = [ext(io(undefined, opts.outputs))];
    if (opts.message) inner.push(`<bpmn:messageEventDefinition messageRef="${this.messageRef(opts.message)}"/>`);
    this.cursor = undefined;
    return this.add({ id, tag: 'bpmn:startEvent', attrs: {}, inner });
  }

  end(id = 'end', opts: { terminate?: boolean; errorCode?: string } = {}): this {
    const inner: string[] = [];
    if (opts.terminate) inner.push('<bpmn:terminateEventDefinition/>');
    if (opts.errorCode !== undefined) inner.push(`<bpmn:errorEventDefinition errorRef="${this.errorRef(opts.errorCode)}"/>`);
    return this.add({ id, tag: 'bpmn:endEvent', attrs: {}, inner });
  }

  serviceTask(id: string, opts: TaskOptions = {}): this {
    const def = `<zeebe:taskDefinition type="${esc(opts.type ?? id)}"${opts.retries !== undefined ? ` retries="${esc(String(opts.retries))}"` : ''}/>`;
    return this.add({ id, tag: 'bpmn:serviceTask', attrs: { name: opts.name }, inner: [ext([def, ...io(opts.inputs, opts.outputs), ...headers(opts.headers)])] });
  }

  userTask(id: string, opts: { name?: string; assignee?: string; candidateGroups?: string; candidateUsers?: string; dueDate?: string; followUpDate?: string; priority?: string; formId?: string; inputs?: [string, string][]; outputs?: [string, string][] } = {}): this {
    const parts = ['<zeebe:userTask/>'];
    if (opts.assignee || opts.candidateGroups || opts.candidateUsers) {
      parts.push(`<zeebe:assignmentDefinition${attrText({ assignee: opts.assignee, candidateGroups: opts.candidateGroups, candidateUsers: opts.candidateUsers })}/>`);
    }
    if (opts.dueDate || opts.followUpDate) parts.push(`<zeebe:taskSchedule${attrText({ dueDate: opts.dueDate, followUpDate: opts.followUpDate })}/>`);
    if (opts.priority) parts.push(`<zeebe:priorityDefinition priority="${esc(opts.priority)}"/>`);
    if (opts.formId) parts.push(`<zeebe:formDefinition formId="${esc(opts.formId)}"/>`);
    parts.push(...io(opts.inputs, opts.outputs));
    return this.add({ id, tag: 'bpmn:userTask', attrs: { name: opts.name }, inner: [ext(parts)] });
  }

  task(id: string, opts: { inputs?: [string, string][]; outputs?: [string, string][] } = {}): this {
    return this.add({ id, tag: 'bpmn:task', attrs: {}, inner: [ext(io(opts.inputs, opts.outputs))] });
  }

  manualTask(id: string): this {
    return this.add({ id, tag: 'bpmn:manualTask', attrs: {}, inner: [] });
  }

  exclusiveGateway(id: string, opts: { default?: string } = {}): this {
    return this.add({ id, tag: 'bpmn:exclusiveGateway', attrs: { default: opts.default }, inner: [] });
  }

  parallelGateway(id: string): this {
    return this.add({ id, tag: 'bpmn:parallelGateway', attrs: {}, inner: [] });
  }

  receiveTask(id: string, message: string, correlationKey: string, opts: { outputs?: [string, string][] } = {}): this {
    return this.add({ id, tag: 'bpmn:receiveTask', attrs: { messageRef: this.messageRef(message, correlationKey) }, inner: [ext(io(undefined, opts.outputs))] });
  }

  messageCatch(id: string, message: string, correlationKey: string, opts: { outputs?: [string, string][]; inputs?: [string, string][] } = {}): this {
    return this.add({
      id, tag: 'bpmn:intermediateCatchEvent', attrs: {},
      inner: [ext(io(opts.inputs, opts.outputs)), `<bpmn:messageEventDefinition messageRef="${this.messageRef(message, correlationKey)}"/>`],
    });
  }

  timerCatch(id: string, timer: { duration?: string; date?: string; cycle?: string }): this {
    return this.add({ id, tag: 'bpmn:intermediateCatchEvent', attrs: {}, inner: [timerDefinition(timer)] });
  }

  timerStart(id: string, timer: { duration?: string; date?: string; cycle?: string }): this {
    this.cursor = undefined;
    return this.add({ id, tag: 'bpmn:startEvent', attrs: {}, inner: [timerDefinition(timer)] });
  }

  boundary(id: string, attachedTo: string, opts: { error?: string | null; message?: [string, string]; timer?: { duration?: string; date?: string; cycle?: string }; interrupting?: boolean; outputs?: [string, string][] }): this {
    const inner = [ext(io(undefined, opts.outputs))];
    if (opts.error !== undefined) inner.push(opts.error === null ? '<bpmn:errorEventDefinition/>' : `<bpmn:errorEventDefinition errorRef="${this.errorRef(opts.error)}"/>`);
    if (opts.message) inner.push(`<bpmn:messageEventDefinition messageRef="${this.messageRef(opts.message[0], opts.message[1])}"/>`);
    if (opts.timer) inner.push(timerDefinition(opts.timer));
    this.cursor = undefined;
    return this.add({ id, tag: 'bpmn:boundaryEvent', attrs: { attachedToRef: attachedTo, cancelActivity: opts.interrupting === false ? false : undefined }, inner });
  }

  subProcess(id: string, body: (sp: ProcessBuilder) => void, opts: { inputs?: [string, string][]; outputs?: [string, string][] } = {}): this {
    const sp = new ProcessBuilder(id, this.top());
    body(sp);
    return this.add({ id, tag: 'bpmn:subProcess', attrs: {}, inner: [ext(io(opts.inputs, opts.outputs))], children: sp });
  }

  private messageRef(name: string, correlationKey?: string): string {
    const id = `msg_${name.replace(/[^\w-]/g, '_')}`;
    const top = this.top();
    if (!top.messages.has(name) || correlationKey !== undefined) top.messages.set(name, correlationKey ?? top.messages.get(name));
    return id;
  }

  private errorRef(code: string): string {
    this.top().errors.add(code);
    return `err_${code.replace(/[^\w-]/g, '_')}`;
  }

  private body(): string {
    const nodes = this.nodes.map((n) => `<${n.tag} id="${n.id}"${attrText(n.attrs)}>${n.inner.join('')}${n.children?.body() ?? ''}</${n.tag}>`);
    const flows = this.flows.map((f) =>
      `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}">${f.condition !== undefined ? `<bpmn:conditionExpression>${esc(f.condition)}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`);
    return [...nodes, ...flows].join('\n');
  }

  xml(): string {
    const messages = [...this.messages].map(([name, key]) =>
      `<bpmn:message id="msg_${name.replace(/[^\w-]/g, '_')}" name="${esc(name)}">${key ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${esc(key)}"/></bpmn:extensionElements>` : ''}</bpmn:message>`);
    const errors = [...this.errors].map((code) => `<bpmn:error id="err_${code.replace(/[^\w-]/g, '_')}" errorCode="${esc(code)}"/>`);
    return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_${this.id}" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="${this.id}" isExecutable="true">
${this.body()}
</bpmn:process>
${messages.join('\n')}
${errors.join('\n')}
</bpmn:definitions>`;
  }
}

function timerDefinition(timer: { duration?: string; date?: string; cycle?: string }): string {
  const [tag, value] = timer.duration !== undefined ? ['timeDuration', timer.duration] : timer.date !== undefined ? ['timeDate', timer.date] : ['timeCycle', timer.cycle ?? ''];
  return `<bpmn:timerEventDefinition><bpmn:${tag} xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${esc(value)}</bpmn:${tag}></bpmn:timerEventDefinition>`;
}

export const bpmn = (id: string): ProcessBuilder => new ProcessBuilder(id);
