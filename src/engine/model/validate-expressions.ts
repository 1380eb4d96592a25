import { checkExpressionSyntax, isExpression } from '../feel';
import { type FlowNode, type ProcessGraph } from './graph';
import { type ElementError } from './transform-process';

/** The `=` expressions of a flow node, named by where they appear (for the deployment error). */
function expressionsOf(n: FlowNode): [string, string | undefined][] {
  const task = n.userTask;
  return [
    ...n.inputs.map((m): [string, string] => [`input mapping '${m.target}'`, m.source]),
    ...n.outputs.map((m): [string, string] => [`output mapping '${m.target}'`, m.source]),
    ['job type', n.jobType],
    ['job retries', n.jobRetries],
    ['timer', n.timer?.expression],
    ['message name', n.message?.name],
    ['correlation key', n.message?.correlationKey],
    ['error code', n.errorCode],
    ['assignee', task?.assignee],
    ['candidate users', task?.candidateUsers],
    ['candidate groups', task?.candidateGroups],
    ['due date', task?.dueDate],
    ['follow-up date', task?.followUpDate],
    ['priority', task?.priority],
    ['external form reference', task?.externalFormReference],
  ];
}

/**
 * Deploy-time FEEL syntax check (A11): an expression that cannot be parsed would fail every time it is evaluated,
 * so the deployment is rejected with the element, the attribute and the parser's message.
 */
export function validateExpressions(graph: ProcessGraph, errors: ElementError[]): void {
  for (const n of graph.nodes.values()) {
    for (const [where, text] of expressionsOf(n)) {
      if (text === undefined || !isExpression(text)) continue;
      const problem = checkExpressionSyntax(text);
      if (problem) errors.push({ elementId: n.id, message: `Invalid ${where}: ${problem}` });
    }
  }
  for (const f of graph.flows.values()) {
    if (f.condition === undefined || !isExpression(f.condition)) continue;
    const problem = checkExpressionSyntax(f.condition);
    if (problem) errors.push({ elementId: f.id, message: `Invalid condition: ${problem}` });
  }
}
