/* eslint-disable @typescript-eslint/no-require-imports */
import { ModuleThread, ThreadLimitError } from '../../threads/module-thread';
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

/** Most XML elements linted; the engine refuses deployments of more (all the district's diagrams hold fewer than 5,000). */
export const MAX_LINT_ELEMENTS = 25_000;
const LINT_TIMEOUT_MS = 30_000;

/**
 * Linting takes about 1.5 ms per element, all of it synchronous: on the web app's event loop a large diagram would
 * stall every other page for as long. It runs on a thread of its own, bounded in time and memory.
 */
const linter = new ModuleThread(__filename, { timeoutMs: LINT_TIMEOUT_MS, maxHeapMb: 512, purpose: 'linting the diagram' });

const refusal = (message: string): LintIssue[] => [{ rule: 'limit', id: '', message, category: 'error' }];

/**
 * Lints a diagram on the lint thread; XML that cannot be read is reported as one error, not thrown, and so is a
 * diagram beyond the limits.
 */
export async function lintBpmn(xml: string): Promise<LintIssue[]> {
  const elements = xml.match(/<[A-Za-z]/g)?.length ?? 0;
  if (elements > MAX_LINT_ELEMENTS) return refusal(`流程图包含 ${elements} 个 XML 元素，超过上限 ${MAX_LINT_ELEMENTS}，未检查。`);
  try {
    return await linter.call<LintIssue[]>('lintInThisThread', xml);
  } catch (error) {
    if (error instanceof ThreadLimitError) return refusal(`流程图检查超过 ${LINT_TIMEOUT_MS / 1000} 秒或内存上限，已中止；请拆分流程图。`);
    throw error;
  }
}

/** Lints a diagram on the calling thread (the lint thread calls it). */
export async function lintInThisThread(xml: string): Promise<LintIssue[]> {
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
