/* eslint-disable @typescript-eslint/no-require-imports */
import { parseBpmn } from './moddle';

/** The project's rule set (.bpmnlintrc): bpmnlint's recommended rules and Camunda 8.8 compatibility. */
const CONFIG = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };

export interface LintIssue {
  rule: string;
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | string;
}

interface Linter {
  lint(root: unknown): Promise<Record<string, Array<{ id: string; message: string; category: string }>>>;
}

/** A fresh linter per run: some rules (no-duplicate-sequence-flows) keep state between the runs of one instance. */
function newLinter(): Linter {
  const { Linter: LinterCtor } = require('bpmnlint') as { Linter: new (opts: object) => Linter };
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;
  return new LinterCtor({ config: CONFIG, resolver: new NodeResolver() });
}

/** Lints a diagram; XML that cannot be read is reported as one error, not thrown. */
export async function lintBpmn(xml: string): Promise<LintIssue[]> {
  let root;
  try {
    root = await parseBpmn(xml);
  } catch (err) {
    return [{ rule: 'parse', id: '', message: (err as Error).message, category: 'error' }];
  }
  const results = await newLinter().lint(root);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => ({ rule, id: r.id, message: r.message, category: r.category })));
}

export const hasErrors = (issues: LintIssue[]) => issues.some((i) => i.category === 'error');
