/**
 * Evaluation of a decision with its required decisions (each once, required ones first), recording what Zeebe
 * records: evaluated inputs, matched rules with their outputs, all values as JSON text.
 * Failures read `Expected to evaluate decision '<id>', but <reason>` and name the failed decision.
 */
import type { EvaluatedDecision } from '../api';
import { evaluateFeel, evaluateUnaryTests, toStoredValue } from '../feel';
import { applyHitPolicy, type RuleOutputs } from './hit-policy';
import type { Decision, DecisionRequirementsGraph, DecisionTable } from './model';

/** One entry of Zeebe's evaluatedDecisions, without the deployment facts (key, version, tenant). */
export type DecisionEvaluation = Omit<EvaluatedDecision, 'decisionKey' | 'decisionVersion' | 'tenantId' | 'decisionType'> & {
  decisionType: 'DECISION_TABLE' | 'LITERAL_EXPRESSION';
};

export type DecisionResult =
  | { ok: true; decisionId: string; output: unknown; decisionOutput: string; evaluatedDecisions: DecisionEvaluation[] }
  | { ok: false; failedDecisionId: string; message: string; evaluatedDecisions: DecisionEvaluation[] };

const json = (value: unknown): string => JSON.stringify(toStoredValue(value));

class Failure extends Error {
  constructor(readonly decisionId: string, reason: string) {
    super(`Expected to evaluate decision '${decisionId}', but ${reason}`);
  }
}

function evaluateExpression(expression: string, context: Record<string, unknown>, now: number, decisionId: string): unknown {
  if (expression.trim() === '') return null;
  const result = evaluateFeel(expression, context, now);
  if (!result.ok) throw new Failure(decisionId, result.message);
  return result.value;
}

function evaluateTable(
  decision: Decision,
  table: DecisionTable,
  context: Record<string, unknown>,
  now: number,
  record: DecisionEvaluation,
): unknown {
  const inputValues = table.inputs.map((input) => {
    const value = evaluateExpression(input.expression, context, now, decision.id);
    record.evaluatedInputs.push({ inputId: input.id, inputName: input.name, inputValue: json(value) });
    return value;
  });
  const matched = table.rules.filter((rule) =>
    rule.inputEntries.every((entry, i) => {
      const result = evaluateUnaryTests(entry, inputValues[i], context, now);
      if (!result.ok) throw new Failure(decision.id, result.message);
      return result.value;
    }));
  const considered = table.hitPolicy === 'FIRST' ? matched.slice(0, 1) : matched;
  const values: RuleOutputs[] = considered.map((rule) => {
    const outputs: RuleOutputs = table.outputs.map((output, i) => [
      output.name,
      evaluateExpression(rule.outputEntries[i] ?? '', context, now, decision.id),
    ]);
    record.matchedRules.push({
      ruleId: rule.id,
      ruleIndex: rule.index,
      evaluatedOutputs: outputs.map(([name, value], i) => ({
        outputId: table.outputs[i].id, outputName: name, outputValue: json(value),
      })),
    });
    return outputs;
  });
  if (values.length === 0) return defaultOutput(decision, table, context, now);
  const result = applyHitPolicy(table, values);
  if (!result.ok) throw new Failure(decision.id, result.message);
  return result.value;
}

/** No rule matched: the outputs' default entries, else null. */
function defaultOutput(decision: Decision, table: DecisionTable, context: Record<string, unknown>, now: number): unknown {
  const defaults = table.outputs
    .filter((output) => output.defaultOutputEntry !== null && output.defaultOutputEntry.trim() !== '')
    .map((output) => [output.name, evaluateExpression(output.defaultOutputEntry ?? '', context, now, decision.id)] as const);
  if (defaults.length === 0) return null;
  if (defaults.length === 1) return defaults[0][1];
  return Object.fromEntries(defaults);
}

/** Evaluate `decisionId` of the graph against the variables; `nowEpochMs` drives now() and today(). */
export function evaluateDecision(
  drg: DecisionRequirementsGraph,
  decisionId: string,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): DecisionResult {
  const evaluatedDecisions: DecisionEvaluation[] = [];
  const results = new Map<string, unknown>();

  const evaluate = (id: string): unknown => {
    if (results.has(id)) return results.get(id);
    const decision = drg.decisionsById.get(id);
    if (!decision) throw new Failure(id, `no decision found for id '${id}'`);
    const context: Record<string, unknown> = { ...variables };
    for (const required of decision.requiredDecisions) {
      const value = evaluate(required);
      context[drg.decisionsById.get(required)?.resultName ?? required] = value;
    }
    const record: DecisionEvaluation = {
      decisionId: decision.id,
      decisionName: decision.name,
      decisionType: decision.logic.kind,
      decisionOutput: 'null',
      evaluatedInputs: [],
      matchedRules: [],
    };
    evaluatedDecisions.push(record);
    const value = decision.logic.kind === 'DECISION_TABLE'
      ? evaluateTable(decision, decision.logic, context, nowEpochMs, record)
      : evaluateExpression(decision.logic.expression, context, nowEpochMs, decision.id);
    record.decisionOutput = json(value);
    results.set(id, value);
    return value;
  };

  try {
    const output = evaluate(decisionId);
    return { ok: true, decisionId, output: toStoredValue(output), decisionOutput: json(output), evaluatedDecisions };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { ok: false, failedDecisionId: error.decisionId, message: error.message, evaluatedDecisions };
  }
}
