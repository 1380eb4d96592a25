import { extension, text, body } from './extensions';
import { type ExprText, type FlowNode, isExpression } from './graph';
import { type ModdleElement } from './moddle';

/**
 * Details of the scope-like and rule elements: call activities, multi-instance, business-rule and script tasks,
 * signal and escalation definitions. Read after the common details of a flow node (transform-process.ts).
 */

export type BindingType = 'latest' | 'deployment' | 'versionTag';

export interface CalledElementDefinition {
  processId: ExprText;
  bindingType: BindingType;
  versionTag?: string;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface LoopDefinition {
  isSequential: boolean;
  inputCollection: ExprText;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: ExprText;
  completionCondition?: ExprText;
}

export interface CalledDecisionDefinition {
  decisionId: ExprText;
  resultVariable: string;
  bindingType: BindingType;
  versionTag?: string;
}

export interface ScriptDefinition {
  expression: ExprText;
  resultVariable: string;
}

type MutableNode = { -readonly [K in keyof FlowNode]: FlowNode[K] };

/** Attributes unknown to the bundled zeebe moddle schema (bindingType, versionTag) end up in `$attrs`. */
function attr(element: ModdleElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  return text(element[name] ?? (element.$attrs as Record<string, unknown> | undefined)?.[name]);
}

function bindingOf(element: ModdleElement | undefined, error: (m: string) => void): { bindingType: BindingType; versionTag?: string } {
  const raw = attr(element, 'bindingType') ?? 'latest';
  if (raw !== 'latest' && raw !== 'deployment' && raw !== 'versionTag') {
    error(`Expected binding type to be one of [latest, deployment, versionTag], but was '${raw}'`);
    return { bindingType: 'latest' };
  }
  const versionTag = attr(element, 'versionTag');
  if (raw === 'versionTag' && !versionTag?.trim()) error("Expected a version tag for binding type 'versionTag', but none was given");
  return { bindingType: raw, versionTag: versionTag?.trim() };
}

const flag = (value: unknown): boolean => !(value === false || value === 'false');

export function readExtendedDetails(element: ModdleElement, n: MutableNode, definition: ModdleElement | undefined, error: (m: string) => void): void {
  rejectOutOfScope(element, error);
  if (n.type === 'CALL_ACTIVITY') n.calledElement = calledElement(element, error);
  if (element.loopCharacteristics) n.loop = loop(element.loopCharacteristics as ModdleElement, error);
  if (n.type === 'BUSINESS_RULE_TASK' && extension(element, 'zeebe:CalledDecision')) n.calledDecision = calledDecision(element, error);
  if (n.type === 'SCRIPT_TASK' && extension(element, 'zeebe:Script')) n.script = script(element, error);
  if (definition && n.eventType === 'ESCALATION') {
    const code = text(definition.escalationRef?.escalationCode)?.trim();
    const throwing = n.type === 'END_EVENT' || n.type === 'INTERMEDIATE_THROW_EVENT';
    if (throwing && !code) error('Must reference an escalation with an escalation code');
    n.escalationCode = code === '' ? undefined : code;
  }
  if (definition && n.eventType === 'SIGNAL') {
    const name = text(definition.signalRef?.name)?.trim();
    if (!name) error('Must reference a signal with a name');
    n.signalName = name;
  }
}

/** Features out of scope (issue 3) or unreleased (docs/engine-semantics.md, "Where the engine differs"): a clear rejection instead of ignoring them. */
function rejectOutOfScope(element: ModdleElement, error: (m: string) => void): void {
  if (element.isForCompensation === true) error('Compensation is not supported');
  if (extension(element, 'zeebe:JobPriorityDefinition')) error('Job priorities are not supported');
  if (extension(element, 'zeebe:AgentDefinition')) error('Agent definitions are not supported');
  if (text(extension(element, 'zeebe:CalledElement')?.businessId)) error('Business ids of called processes are not supported');
}

function calledElement(element: ModdleElement, error: (m: string) => void): CalledElementDefinition | undefined {
  const called = extension(element, 'zeebe:CalledElement');
  const processId = text(called?.processId)?.trim() || text(called?.processIdExpression)?.trim();
  if (!called || !processId) {
    error("Must have a 'zeebe:calledElement' extension element with a process id");
    return undefined;
  }
  return {
    processId,
    ...bindingOf(called, error),
    propagateAllChildVariables: called.propagateAllChildVariables === undefined ? true : flag(called.propagateAllChildVariables),
    propagateAllParentVariables: called.propagateAllParentVariables === undefined ? true : flag(called.propagateAllParentVariables),
  };
}

function loop(characteristics: ModdleElement, error: (m: string) => void): LoopDefinition | undefined {
  if (characteristics.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    error('Standard loops are not supported; use multi-instance loop characteristics');
    return undefined;
  }
  const zeebe = extension(characteristics, 'zeebe:LoopCharacteristics');
  const inputCollection = text(zeebe?.inputCollection)?.trim();
  if (!inputCollection) {
    error("Must have a 'zeebe:loopCharacteristics' extension element with an input collection expression");
    return undefined;
  }
  const outputCollection = text(zeebe?.outputCollection)?.trim() || undefined;
  const outputElement = text(zeebe?.outputElement)?.trim() || undefined;
  const completionCondition = body(characteristics.completionCondition) || undefined;
  for (const [label, value] of [['input collection', inputCollection], ['output element', outputElement], ['completion condition', completionCondition]] as const) {
    if (value !== undefined && !isExpression(value)) {
      error(`Expected ${label} to be an expression but found static value '${value}'. An expression must start with '=' (e.g. '=${value}').`);
    }
  }
  if (outputCollection && !outputElement) error('Expected an output element expression when an output collection is defined, but none was given');
  if (outputElement && !outputCollection) error('Expected an output collection when an output element expression is defined, but none was given');
  return {
    isSequential: characteristics.isSequential === true,
    inputCollection,
    inputElement: text(zeebe?.inputElement)?.trim() || undefined,
    outputCollection,
    outputElement,
    completionCondition,
  };
}

function calledDecision(element: ModdleElement, error: (m: string) => void): CalledDecisionDefinition | undefined {
  const called = extension(element, 'zeebe:CalledDecision');
  const decisionId = text(called?.decisionId)?.trim();
  const resultVariable = text(called?.resultVariable)?.trim();
  if (!decisionId) error("Attribute 'decisionId' of 'zeebe:calledDecision' must be present and not empty");
  if (!resultVariable) error("Attribute 'resultVariable' of 'zeebe:calledDecision' must be present and not empty");
  if (!decisionId || !resultVariable) return undefined;
  return { decisionId, resultVariable, ...bindingOf(called, error) };
}

function script(element: ModdleElement, error: (m: string) => void): ScriptDefinition | undefined {
  const zeebe = extension(element, 'zeebe:Script');
  const expression = text(zeebe?.expression)?.trim();
  const resultVariable = text(zeebe?.resultVariable)?.trim();
  if (!expression) error("Attribute 'expression' of 'zeebe:script' must be present and not empty");
  else if (!isExpression(expression)) {
    error(`Expected expression but found static value '${expression}'. An expression must start with '=' (e.g. '=${expression}').`);
  }
  if (!resultVariable) error("Attribute 'resultVariable' of 'zeebe:script' must be present and not empty");
  if (!expression || !resultVariable) return undefined;
  return { expression, resultVariable };
}
