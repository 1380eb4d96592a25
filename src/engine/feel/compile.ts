/**
 * Compilation of FEEL texts: syntax check (once per text, bounded LRU cache) and the rewrites our extension
 * functions need. feelin has no public API to evaluate a pre-parsed tree, so evaluation re-parses; the cache
 * spares the syntax check, the rewrite and, for invalid texts, the whole attempt.
 */
import { evaluate as feelinEvaluate, parseExpression, parseUnaryTests, unaryTest as feelinUnaryTest } from 'feelin';
import { escapeBacktickNames, hasMergedPlaceholder, type BacktickName } from './backticks';
import { extensionNames } from './extensions';
import { LruCache } from './lru';
import { rewriteTree } from './rewrite';

export interface CompiledFeel {
  /** The text as written (after the leading `=`), used in messages. */
  readonly source: string;
  /** The text handed to feelin. */
  readonly body: string;
  /** `failed to parse expression '…': …` when the text is not valid FEEL. */
  readonly parseError: string | null;
  /** The functions the body calls by alias (see rewrite.ts). */
  readonly functions: Readonly<Record<string, unknown>>;
  /** Body ranges whose missing-variable warnings are dropped (`is defined` arguments). */
  readonly quiet: ReadonlyArray<readonly [number, number]>;
  /** For a plain variable path (`a`, `a.b.c`), its segments: evaluated without feelin (see fast-path.ts). */
  readonly path: readonly string[] | null;
  /** Arguments of calls of unknown functions by body offset, for NO_FUNCTION_FOUND (see rewrite.ts). */
  readonly calls: ReadonlyMap<number, string>;
  /** Backtick names the body reads, to be bound in the evaluation context (see names.ts). */
  readonly names: readonly BacktickName[];
}

type ParsedTree = ReturnType<typeof parseExpression>;

const CACHE_SIZE = 5_000;
const NO_CALLS: ReadonlyMap<number, string> = new Map();
const expressions = new LruCache<string, CompiledFeel>(CACHE_SIZE);
const unaryTests = new LruCache<string, CompiledFeel>(CACHE_SIZE);
const parseContext: Record<string, unknown> = Object.fromEntries(extensionNames.map((name) => [name, null]));

const PLAIN_PATH = /^\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\s*$/;
const KEYWORDS = new Set([
  'true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every',
  'satisfies', 'between', 'instance', 'of', 'function', 'external',
]);

function plainPath(body: string): string[] | null {
  if (!PLAIN_PATH.test(body)) return null;
  const path = body.trim().split('.');
  if (path.some((segment) => KEYWORDS.has(segment))) return null;
  // a bare builtin name (`count`, `now`) resolves to the function when no variable has that name
  if (path[0] in parseContext || typeof feelinEvaluate(path[0], {}).value === 'function') return null;
  return path;
}

function hasSyntaxError(tree: ParsedTree): boolean {
  let error = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError) error = true;
      return !error;
    },
  });
  return error;
}

/** feelin's own description of the first syntax error: building its execution tree throws before evaluating. */
function describeSyntaxError(body: string, unary: boolean): string {
  try {
    if (unary) feelinUnaryTest(body, parseContext);
    else feelinEvaluate(body, parseContext);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'invalid syntax';
}

function compileWith(source: string, unary: boolean): CompiledFeel {
  if (source.trim() === '') {
    return {
      source, body: source, parseError: `failed to parse expression '${source}': the expression is empty`, functions: {}, quiet: [],
      path: null, names: [], calls: NO_CALLS,
    };
  }
  const { text, names } = escapeBacktickNames(source);
  const tree = unary ? parseUnaryTests(text, parseContext, undefined) : parseExpression(text, parseContext, undefined);
  if (hasSyntaxError(tree) || hasMergedPlaceholder(tree, text, names)) {
    const parseError = `failed to parse expression '${source}': ${describeSyntaxError(text, unary)}`;
    return { source, body: source, parseError, functions: {}, quiet: [], path: null, names: [], calls: NO_CALLS };
  }
  const { body, functions, quiet, calls } = rewriteTree(text, tree, unary, names);
  const path = unary ? null : plainPath(source);
  return { source, body, parseError: null, functions, quiet, path, names: [...names.values()], calls };
}

export function compileExpression(source: string): CompiledFeel {
  let compiled = expressions.get(source);
  if (!compiled) {
    compiled = compileWith(source, false);
    expressions.set(source, compiled);
  }
  return compiled;
}

export function compileUnaryTests(source: string): CompiledFeel {
  let compiled = unaryTests.get(source);
  if (!compiled) {
    compiled = compileWith(source, true);
    unaryTests.set(source, compiled);
  }
  return compiled;
}
