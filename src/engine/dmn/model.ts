/** The executable form of a DMN resource: a decision requirements graph of decision tables and literal expressions. */

export const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

export const AGGREGATIONS = ['SUM', 'MIN', 'MAX', 'COUNT'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface DecisionInput {
  id: string;
  /** The label, else the input expression text (what Zeebe reports as inputName). */
  name: string;
  /** FEEL expression evaluated against the variables. */
  expression: string;
}

export interface DecisionOutput {
  id: string;
  /** Result key when the table has several outputs; may be empty for a single output. */
  name: string;
  /** Allowed values in priority order (quotes removed), for PRIORITY and OUTPUT ORDER. */
  priorities: string[];
  /** FEEL expression used when no rule matches, or null. */
  defaultOutputEntry: string | null;
}

export interface DecisionRule {
  id: string;
  /** 1-based position in the table. */
  index: number;
  /** Unary tests, one per input. */
  inputEntries: string[];
  /** FEEL expressions, one per output. */
  outputEntries: string[];
}

export interface DecisionTable {
  kind: 'DECISION_TABLE';
  hitPolicy: HitPolicy;
  aggregation: Aggregation | null;
  inputs: DecisionInput[];
  outputs: DecisionOutput[];
  rules: DecisionRule[];
}

export interface LiteralExpression {
  kind: 'LITERAL_EXPRESSION';
  expression: string;
}

export interface Decision {
  id: string;
  name: string;
  /** `zeebe:versionTag` of the decision (Camunda 8 keeps it in the decision's extension elements); '' when absent. */
  versionTag: string;
  /** Ids of the decisions whose results this one reads. */
  requiredDecisions: string[];
  /** The name under which this decision's result is visible to the decisions that require it. */
  resultName: string;
  logic: DecisionTable | LiteralExpression;
}

export interface DecisionRequirementsGraph {
  /** The definitions id (Zeebe's decisionRequirementsId). */
  id: string;
  name: string;
  namespace: string;
  /** In document order. */
  decisions: Decision[];
  decisionsById: ReadonlyMap<string, Decision>;
}
