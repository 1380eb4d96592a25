/**
 * Compilation of FEEL texts: syntax check (once per text, bounded LRU cache) and the rewrites our extension
 * functions need. feelin has no public API to evaluate a pre-parsed tree, so evaluation re-parses; the cache
 * spares the syntax check, the rewrite and, for invalid texts, the whole attempt.
 */
import { evaluate as feelinEvaluate, parseExpression, parseUnaryTests, unaryTest as feelinUnaryTest } from 'feelin';
import { extensionFunctions, extensionNames } from './extensions';
import { LruCache } from './lru';

export interface CompiledFeel {
  /** The text as written (after the leading `=`), used in messages. */
  readonly source: string;
  /** The text handed to feelin. */
  readonly body: string;
  /** `failed to parse expression '…': …` when the text is not valid FEEL. */
  readonly parseError: string | null;
  /** The extension functions the text mentions; a smaller context makes feelin's parse and setup cheaper. */
  readonly functions: Readonly<Record<string, unknown>>;
  /** For a plain variable path (`a`, `a.b.c`), its segments: evaluated without feelin (see fast-path.ts). */
  readonly path: readonly string[] | null;
}

type ParsedTree = ReturnType<typeof parseExpression>;

const CACHE_SIZE = 5_000;
const expressions = new LruCache<string, CompiledFeel>(CACHE_SIZE);
const unaryTests = new LruCache<string, CompiledFeel>(CACHE_SIZE);
const parseContext: Record<string, unknown> = Object.fromEntries(extensionNames.map((name) => [name, null]));

// `is defined(a.b)` → `is defined(a.b, "a.b")` so the function can tell a missing variable from a null one
const IS_DEFINED = /\bis\s+defined\s*\(\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\)/g;

function rewrite(source: string): string {
  return source.replace(IS_DEFINED, (_all, path: string) => {
    const compact = path.replace(/\s+/g, '');
    return `is defined(${compact}, "${compact}")`;
  });
}

const namePatterns = extensionNames.map((name) => ({
  name,
  pattern: new RegExp(`(^|[^\\w$])${name.split(' ').join('\\s+')}\\s*\\(`),
}));

function mentionedFunctions(body: string): Record<string, unknown> {
  const functions: Record<string, unknown> = {};
  for (const { name, pattern } of namePatterns) if (pattern.test(body)) functions[name] = extensionFunctions[name];
  return functions;
}

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
  const body = rewrite(source);
  if (source.trim() === '') {
    return {
      source, body, parseError: `failed to parse expression '${source}': the expression is empty`, functions: {}, path: null,
    };
  }
  const tree = unary ? parseUnaryTests(body, parseContext, undefined) : parseExpression(body, parseContext, undefined);
  const parseError = hasSyntaxError(tree)
    ? `failed to parse expression '${source}': ${describeSyntaxError(body, unary)}`
    : null;
  return { source, body, parseError, functions: mentionedFunctions(body), path: unary || parseError ? null : plainPath(body) };
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
