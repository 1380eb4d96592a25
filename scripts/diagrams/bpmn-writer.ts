// Writes a ProcessModel as Camunda 8.8 BPMN XML (semantic part only; the layout is added afterwards).
import {
  errorNames,
  messageKeys,
  type Flow,
  type FlowNode,
  type Mapping,
  type MultiInstance,
  type ProcessModel,
} from './model';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const flowId = (fl: Flow): string => `flow-${fl.from}-to-${fl.to}`;
const messageId = (name: string): string => `message-${name}`;
const errorId = (code: string): string => `error-${code.toLowerCase().replace(/_/g, '-')}`;

const ioMapping = (inputs?: Mapping, outputs?: Mapping): string => {
  const ins = Object.entries(inputs ?? {}).map(([t, s]) => `<zeebe:input source="${esc(s)}" target="${esc(t)}" />`);
  const outs = Object.entries(outputs ?? {}).map(([t, s]) => `<zeebe:output source="${esc(s)}" target="${esc(t)}" />`);
  return ins.length + outs.length ? `<zeebe:ioMapping>${[...ins, ...outs].join('')}</zeebe:ioMapping>` : '';
};

const headers = (h?: Record<string, string | number>): string => {
  const entries = Object.entries(h ?? {});
  if (!entries.length) return '';
  return `<zeebe:taskHeaders>${entries.map(([k, v]) => `<zeebe:header key="${esc(k)}" value="${esc(String(v))}" />`).join('')}</zeebe:taskHeaders>`;
};

const multiInstance = (m?: MultiInstance): string => {
  if (!m) return '';
  const out = m.outputCollection
    ? ` outputCollection="${esc(m.outputCollection)}" outputElement="${esc(m.outputElement ?? '')}"`
    : '';
  return (
    `<bpmn:multiInstanceLoopCharacteristics${m.sequential ? ' isSequential="true"' : ''}><bpmn:extensionElements>` +
    `<zeebe:loopCharacteristics inputCollection="${esc(m.collection)}" inputElement="${esc(m.element)}"${out} />` +
    `</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`
  );
};

const timerDef = (date: string): string =>
  `<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${esc(date)}</bpmn:timeDate></bpmn:timerEventDefinition>`;

const extensions = (node: FlowNode): string => {
  switch (node.kind) {
    case 'user': {
      const groups = `<zeebe:assignmentDefinition candidateGroups="${esc(node.groups)}" />`;
      return (
        `<zeebe:userTask />${groups}<zeebe:taskSchedule dueDate="${esc(node.due)}" />` +
        `<zeebe:formDefinition formId="${esc(node.form.id)}" />${ioMapping(node.inputs, node.outputs)}`
      );
    }
    case 'service':
      return `<zeebe:taskDefinition type="${esc(node.type)}" retries="3" />${headers(node.headers)}${ioMapping(node.inputs, node.outputs)}`;
    case 'rule':
      return (
        `<zeebe:calledDecision decisionId="${esc(node.decisionId)}" resultVariable="${esc(node.resultVariable)}" />` +
        ioMapping(node.inputs, node.outputs)
      );
    case 'call':
      return (
        `<zeebe:calledElement processId="${esc(node.processId)}" propagateAllChildVariables="false" propagateAllParentVariables="false" />` +
        ioMapping(node.inputs, node.outputs)
      );
    default:
      return '';
  }
};

const tagOf: Record<FlowNode['kind'], string> = {
  start: 'startEvent',
  end: 'endEvent',
  user: 'userTask',
  service: 'serviceTask',
  rule: 'businessRuleTask',
  call: 'callActivity',
  xor: 'exclusiveGateway',
  and: 'parallelGateway',
  event: 'eventBasedGateway',
  timer: 'intermediateCatchEvent',
  message: 'intermediateCatchEvent',
  boundary: 'boundaryEvent',
  'event-sub': 'subProcess',
  receive: 'receiveTask',
};

const eventDefinition = (node: FlowNode): string => {
  switch (node.kind) {
    case 'start':
      if (node.timerCycle)
        return `<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${esc(node.timerCycle)}</bpmn:timeCycle></bpmn:timerEventDefinition>`;
      return node.message ? `<bpmn:messageEventDefinition messageRef="${messageId(node.message)}" />` : '';
    case 'end':
      if (node.error) return `<bpmn:errorEventDefinition errorRef="${errorId(node.error)}" />`;
      return node.terminate ? '<bpmn:terminateEventDefinition />' : '';
    case 'timer':
      return timerDef(node.timerDate ?? '');
    case 'message':
      return `<bpmn:messageEventDefinition messageRef="${messageId(node.message ?? '')}" />`;
    case 'boundary':
      if (node.timerDate) return timerDef(node.timerDate);
      if (node.message) return `<bpmn:messageEventDefinition messageRef="${messageId(node.message)}" />`;
      return `<bpmn:errorEventDefinition errorRef="${errorId(node.error ?? '')}" />`;
    default:
      return '';
  }
};

const nodeXml = (node: FlowNode, flows: Flow[]): string => {
  const tag = tagOf[node.kind];
  const attrs: string[] = [`id="${node.id}"`, `name="${esc(node.name)}"`];
  if (node.kind === 'boundary') {
    attrs.push(`attachedToRef="${node.attachedTo}"`);
    if (!node.interrupting) attrs.push('cancelActivity="false"');
  }
  if (node.kind === 'event-sub') attrs.push('triggeredByEvent="true"');
  if (node.kind === 'start' && node.nonInterrupting) attrs.push('isInterrupting="false"');
  if (node.kind === 'receive') attrs.push(`messageRef="${messageId(node.message)}"`);
  const def = flows.find((fl) => fl.from === node.id && fl.isDefault);
  if (def) attrs.push(`default="${flowId(def)}"`);
  const ext = extensions(node);
  const body = [
    `<bpmn:documentation>${esc(node.doc)}</bpmn:documentation>`,
    ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : '',
    ...flows.filter((fl) => fl.to === node.id).map((fl) => `<bpmn:incoming>${flowId(fl)}</bpmn:incoming>`),
    ...flows.filter((fl) => fl.from === node.id).map((fl) => `<bpmn:outgoing>${flowId(fl)}</bpmn:outgoing>`),
    node.kind === 'service' || node.kind === 'call' || node.kind === 'user' ? multiInstance(node.multi) : '',
    eventDefinition(node),
    node.kind === 'event-sub' ? scopeXml(node.nodes, node.flows) : '',
  ].join('');
  return `<bpmn:${tag} ${attrs.join(' ')}>${body}</bpmn:${tag}>`;
};

/** A named flow (a gateway's outcome) documents the clause of the decision it leaves. */
const flowDoc = (fl: Flow, nodes: FlowNode[]): string => {
  const source = nodes.find((n) => n.id === fl.from);
  if (!fl.name || !source) return '';
  const clause = source.doc.split('：')[0];
  return `<bpmn:documentation>${esc(`${clause}：${fl.name}`)}</bpmn:documentation>`;
};

const flowXml = (fl: Flow, nodes: FlowNode[]): string => {
  const name = fl.name ? ` name="${esc(fl.name)}"` : '';
  const cond = fl.condition
    ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(fl.condition)}</bpmn:conditionExpression>`
    : '';
  return `<bpmn:sequenceFlow id="${flowId(fl)}"${name} sourceRef="${fl.from}" targetRef="${fl.to}">${flowDoc(fl, nodes)}${cond}</bpmn:sequenceFlow>`;
};

function scopeXml(nodes: FlowNode[], flows: Flow[]): string {
  return [...nodes.map((n) => nodeXml(n, flows)), ...flows.map((fl) => flowXml(fl, nodes))].join('\n');
}

const allNodes = (nodes: FlowNode[]): FlowNode[] =>
  nodes.flatMap((n) => (n.kind === 'event-sub' ? [n, ...allNodes(n.nodes)] : [n]));

const rootElements = (model: ProcessModel): string => {
  const nodes = allNodes(model.nodes);
  const messages = new Set<string>();
  const errors = new Set<string>();
  for (const n of nodes) {
    if ((n.kind === 'message' || n.kind === 'boundary' || n.kind === 'start' || n.kind === 'receive') && n.message)
      messages.add(n.message);
    if ((n.kind === 'boundary' || n.kind === 'end') && n.error) errors.add(n.error);
  }
  const msgXml = [...messages].map((name) => {
    const key = messageKeys[name];
    if (!key) throw new Error(`message ${name} is not in workers/JOB-TYPES.md`);
    const isStartOnly = nodes.every(
      (n) => (n.kind === 'start' && !n.nonInterrupting) || !('message' in n) || n.message !== name,
    );
    const sub = isStartOnly ? '' : `<bpmn:extensionElements><zeebe:subscription correlationKey="${esc(key)}" /></bpmn:extensionElements>`;
    return `<bpmn:message id="${messageId(name)}" name="${name}">${sub}</bpmn:message>`;
  });
  const errXml = [...errors].map((code) => {
    const name = errorNames[code];
    if (!name) throw new Error(`error ${code} is not in workers/JOB-TYPES.md`);
    return `<bpmn:error id="${errorId(code)}" name="${name}" errorCode="${code}" />`;
  });
  return [...msgXml, ...errXml].join('\n');
};

const isGateway = (n: FlowNode): boolean => n.kind === 'xor' || n.kind === 'and';

/** Puts an exclusive merge gateway in front of every non-gateway node with several incoming flows (no fake joins). */
const withJoins = (nodes: FlowNode[], flows: Flow[]): { nodes: FlowNode[]; flows: Flow[] } => {
  const outNodes: FlowNode[] = [];
  let outFlows = [...flows];
  for (const n of nodes) {
    const node = n.kind === 'event-sub' ? { ...n, ...withJoins(n.nodes, n.flows) } : n;
    const incoming = outFlows.filter((fl) => fl.to === node.id);
    if (!isGateway(node) && incoming.length > 1) {
      const joinId = `${node.id}-join`;
      outNodes.push({ kind: 'xor', id: joinId, name: '', doc: node.doc });
      outFlows = outFlows.map((fl) => (fl.to === node.id ? { ...fl, to: joinId } : fl));
      outFlows.push({ from: joinId, to: node.id });
    }
    outNodes.push(node);
  }
  return { nodes: outNodes, flows: outFlows };
};

/** BPMN XML of the model without diagram interchange. */
export const toBpmnXml = (input: ProcessModel): string => {
  // default flows first, so that the layout keeps the usual outcome on the straight line
  const flows = [...input.flows].sort((a, b) => Number(Boolean(b.isDefault)) - Number(Boolean(a.isDefault)));
  const model = { ...input, ...withJoins(input.nodes, flows) };
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="definitions-${model.id}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.41.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
<bpmn:process id="${model.id}" name="${esc(model.name)}" isExecutable="true">
<bpmn:documentation>${esc(model.doc)}</bpmn:documentation>
${scopeXml(model.nodes, model.flows)}
</bpmn:process>
${rootElements(model)}
</bpmn:definitions>
`;
};
