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

let linter: Linter | undefined;

function getLinter(): Linter {
  if (!linter) {
    const { Linter: LinterCtor } = require('bpmnlint') as { Linter: new (opts: object) => Linter };
    const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;
    linter = new LinterCtor({ config: CONFIG, resolver: new NodeResolver() });
  }
  return linter;
}

/** Lints a diagram; XML that cannot be read is reported as one error, not thrown. */
export async function lintBpmn(xml: string): Promise<LintIssue[]> {
  let root;
  try {
    root = await parseBpmn(xml);
  } catch (err) {
    return [{ rule: 'parse', id: '', message: (err as Error).message, category: 'error' }];
  }
  const results = await getLinter().lint(root);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => ({ rule, id: r.id, message: r.message, category: r.category })));
}

export const hasErrors = (issues: LintIssue[]) => issues.some((i) => i.category === 'error');
