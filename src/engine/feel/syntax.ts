/**
 * Helpers for the rewrite (./rewrite.ts) over feelin's parse tree: children of a node, normalised names, the
 * function a call names, the names of a variable path, and how a list filter's condition is evaluated.
 */
import { evaluate as feelinEvaluate, type parseExpression } from 'feelin';
import type { EscapedText } from './backticks';
import { extensionFunctions } from './extensions';
import { LruCache } from './lru';

export type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

const builtinCache = new LruCache<string, unknown>(1_000);

/** The function a call of `name` means: an extension, else feelin's builtin, else null (a user function). */
export function namedFunction(name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(extensionFunctions, name)) return extensionFunctions[name];
  let fn = builtinCache.get(name);
  if (fn === undefined) {
    let value: unknown;
    try {
      value = feelinEvaluate(name, {}).value;
    } catch {
      value = null;
    }
    fn = typeof value === 'function' || (value !== null && typeof value === 'object' && 'invoke' in value) ? value : null;
    builtinCache.set(name, fn);
  }
  return fn;
}

export const aliasOf = (name: string): string => `__fn_${name.replace(/[^A-Za-z0-9]+/g, '_')}`;
export const normalName = (text: string): string => text.trim().replace(/\s+/g, ' ');

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/** The names of `a`, `a.b.c` (backtick names as written), or null for anything else. */
export function pathNames(node: SyntaxNode, source: string, names: EscapedText['names']): string[] | null {
  const nameOf = (part: SyntaxNode): string => {
    const text = normalName(source.slice(part.from, part.to));
    return names.get(text)?.name ?? text;
  };
  if (node.name === 'VariableName') return [nameOf(node)];
  if (node.name !== 'PathExpression') return null;
  const [target, , name] = children(node);
  const head = target ? pathNames(target, source, names) : null;
  return head !== null && name?.name === 'PathName' ? [...head, nameOf(name)] : null;
}

/** How feel-scala filters by `condition`: an index literal, per item, or evaluated once without the item first. */
export function filterMode(condition: SyntaxNode, source: string): 'index' | 'item' | 'outer' {
  let node = condition;
  while (node.name === 'ParenthesizedExpression' && node.firstChild?.nextSibling) node = node.firstChild.nextSibling;
  const operator = node.firstChild?.nextSibling;
  if (node.name === 'NumericLiteral') return 'index';
  if (node.name === 'FunctionInvocation' || (node.name === 'DateTimeLiteral' && node.firstChild?.name === 'DateTimeConstructor')) {
    return 'item';
  }
  const compares = node.name === 'Comparison' && operator?.name === 'CompareOp';
  return compares && source.slice(operator.from, operator.to) !== '!=' ? 'item' : 'outer';
}

/** How feel-scala names the arguments of a call it finds no function for: `and 2 parameters`, `and parameters: a,b`. */
export function callArguments(rest: SyntaxNode[], source: string): string {
  const parameters = rest.find((child) => child.name === 'PositionalParameters' || child.name === 'NamedParameters');
  const args = parameters ? children(parameters).filter((child) => child.name !== ',') : [];
  if (parameters?.name !== 'NamedParameters') return `and ${args.length} parameters`;
  const names = args.map((arg) => (arg.firstChild ? normalName(source.slice(arg.firstChild.from, arg.firstChild.to)) : ''));
  return `and parameters: ${names.join(',')}`;
}

/** The one argument of a call, positional (`f(x)`) or named `value` (`f(value: x)`). */
export function soleArgument(rest: SyntaxNode[], source: string): { value: SyntaxNode; named: boolean } | null {
  const parameters = rest.find((child) => child.name === 'PositionalParameters' || child.name === 'NamedParameters');
  const args = parameters ? children(parameters).filter((child) => child.name !== ',') : [];
  if (args.length !== 1) return null;
  if (parameters?.name === 'PositionalParameters') return { value: args[0], named: false };
  const parts = children(args[0]);
  const [parameterName, value] = [parts[0], parts[parts.length - 1]];
  const named = parts.length >= 2 && normalName(source.slice(parameterName.from, parameterName.to)) === 'value';
  return named ? { value, named: true } : null;
}
