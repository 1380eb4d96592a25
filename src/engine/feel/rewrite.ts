/**
 * Source-to-source rewrite of a valid FEEL text (from feelin's own parse tree) so that evaluation follows
 * feel-scala where feelin differs, without forking feelin:
 * - comparisons (`a < b`, `a = b`, `between`, `in`; unary `< b`, `[a..b]`) and `+`, `-`, `*`, `/` call
 *   ./operators.ts;
 * - `date and time(x, y)` calls our version, which also takes a timezone;
 * - a call of a builtin or extension function (`count(l)`, `is defined(x)`) calls it under an alias, so a
 *   variable of the same name (`count`, `now`) neither hides the function nor is hidden by it;
 * - the argument of `is defined(a.b)` is marked quiet: it reports no missing variable, and its path's names and
 *   root value are passed along so that a missing variable can be told from a null one;
 * - list filters `l[c]` call ./filter.ts, which filters as feel-scala does;
 * - names in backticks, replaced by placeholders before parsing (./backticks.ts), are written back as feelin
 *   reads them;
 * - iterations, function calls, function bodies and `+` charge the evaluation's budget (./budget.ts).
 */
import type { parseExpression } from 'feelin';
import type { EscapedText } from './backticks';
import { BUDGET, budgetFunctions } from './budget';
import { OPERATOR, operatorFunctions } from './operators';
import {
  aliasOf, callArguments, children, filterMode, namedFunction, normalName, pathNames, soleArgument, type SyntaxNode,
} from './syntax';

export interface Rewritten {
  readonly body: string;
  /** The functions the body calls by alias. */
  readonly functions: Readonly<Record<string, unknown>>;
  /** Ranges of the body whose missing-variable warnings are dropped (arguments of `is defined`). */
  readonly quiet: ReadonlyArray<readonly [number, number]>;
  /** Calls of functions that are neither builtins nor defined in the text, by body offset: their arguments. */
  readonly calls: ReadonlyMap<number, string>;
}

const ARITHMETIC: Record<string, string> = { '+': OPERATOR.add, '-': OPERATOR.subtract, '*': OPERATOR.multiply, '/': OPERATOR.divide };

class Writer {
  private out = '';
  readonly functions: Record<string, unknown> = {};
  readonly quiet: Array<[number, number]> = [];
  readonly calls = new Map<number, string>();

  /**
   * `unaryTests`: rewrite `< 1` (DMN input entries) too, but not under `not(…)`, where a null comparison must
   * stay null rather than become a non-match.
   */
  constructor(
    private readonly source: string,
    private readonly unaryTests: boolean,
    /** Functions the text defines itself (context entries, parameters): a call of one means that function. */
    private readonly localNames: ReadonlySet<string>,
    /** Backtick names by placeholder (./backticks.ts). */
    private readonly names: EscapedText['names'],
  ) {}

  get text(): string {
    return this.out;
  }

  node(node: SyntaxNode): void {
    if (!this.special(node)) this.span(node, node.from, children(node));
  }

  /** The text of `node` from `from`, with `parts` (its children from there on) rewritten. */
  private span(node: SyntaxNode, from: number, parts: SyntaxNode[]): void {
    let position = from;
    for (const child of parts) {
      this.out += this.source.slice(position, child.from);
      this.node(child);
      position = child.to;
    }
    this.out += this.source.slice(position, node.to);
  }

  private special(node: SyntaxNode): boolean {
    const parts = children(node);
    switch (node.name) {
      case 'Comparison':
        return this.comparison(parts);
      case 'FilterExpression':
        return this.filter(parts);
      case 'ArithmeticExpression': {
        const alias = parts.length === 3 ? ARITHMETIC[this.textOf(parts[1])] : undefined;
        if (alias === OPERATOR.add) this.charged(BUDGET.sized, () => this.call(alias, [parts[0], parts[2]]));
        else if (alias) this.call(alias, [parts[0], parts[2]]);
        return alias !== undefined;
      }
      case 'IterationContext':
        return this.iteration(parts);
      case 'FunctionBody':
        this.charged(BUDGET.body, () => this.span(node, node.from, parts));
        return true;
      case 'SimplePositiveUnaryTest':
        return this.unaryTests && this.unaryTest(parts);
      case 'DateTimeLiteral':
        return parts[0]?.name === 'DateTimeConstructor' && this.dateAndTime(parts);
      case 'FunctionInvocation':
        this.charged(BUDGET.call, () => {
          if (!(parts[0]?.name === 'VariableName' && this.namedCall(node, parts))) this.span(node, node.from, parts);
        });
        return true;
      case 'VariableName':
        return this.backtickReference(node);
      case 'PathExpression':
        return parts[2]?.name === 'PathName' && this.backtickPath(parts[0], parts[2]);
      case 'Key':
      case 'Name':
      case 'ParameterName':
        return this.backtickName(node);
      default:
        return false;
    }
  }

  /** Writes `write()`'s output as the argument of a budget function, which passes the value on. */
  private charged(name: string, write: () => void): void {
    this.functions[name] = budgetFunctions[name];
    this.out += `${name}(`;
    write();
    this.out += ')';
  }

  /** `x in a..b` → `x in __feel_range_from(a)..__feel_range_to(b)`, `x in l` → `x in __feel_iterate(l)`. */
  private iteration(parts: SyntaxNode[]): boolean {
    if (parts.length === 3 && parts[1].name === '..') {
      this.charged(BUDGET.rangeFrom, () => this.node(parts[0]));
      this.out += '..';
      this.charged(BUDGET.rangeTo, () => this.node(parts[2]));
      return true;
    }
    if (parts.length !== 1) return false;
    this.charged(BUDGET.iterate, () => this.node(parts[0]));
    return true;
  }

  private textOf(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  private call(alias: string, parts: Array<string | SyntaxNode>): void {
    this.functions[alias] = operatorFunctions[alias];
    this.out += `${alias}(`;
    parts.forEach((part, i) => {
      if (i > 0) this.out += ', ';
      if (typeof part === 'string') this.out += part;
      else this.node(part);
    });
    this.out += ')';
  }

  private comparison(parts: SyntaxNode[]): boolean {
    const [x, keyword] = parts;
    if (keyword?.name === 'CompareOp' && parts.length === 3) {
      this.call(OPERATOR.compare, [JSON.stringify(this.textOf(keyword)), x, parts[2]]);
      return true;
    }
    if (keyword?.name === 'between' && parts.length === 5) {
      this.call(OPERATOR.inRange, [x, parts[2], parts[4], '"["', '"]"']);
      return true;
    }
    if (keyword?.name === 'in') {
      const rest = parts.slice(2);
      const list = rest[0]?.name === '(' ? rest[1] : null;
      const tests = (list ? children(list) : rest).filter((test) => test.name === 'PositiveUnaryTest');
      if (tests.length > 0) this.membership(x, tests);
      return tests.length > 0;
    }
    return false;
  }

  /** `l[c]` → `__feel_filter(l, mode, value, each)`, evaluated as feel-scala does (see ./filter.ts). */
  private filter(parts: SyntaxNode[]): boolean {
    const [list, open, condition] = parts;
    if (!list || open?.name !== '[' || !condition) return false;
    const mode = filterMode(condition, this.source);
    this.functions[OPERATOR.capture] = operatorFunctions[OPERATOR.capture];
    this.functions[OPERATOR.filter] = operatorFunctions[OPERATOR.filter];
    this.out += `${OPERATOR.filter}(`;
    // an index picks one item; a condition runs for every item
    if (mode === 'index') this.node(list);
    else this.charged(BUDGET.iterate, () => this.node(list));
    this.out += `, "${mode}", `;
    if (mode === 'index') {
      this.node(condition);
      this.out += ', null)';
      return true;
    }
    if (mode === 'outer') {
      this.out += 'function() (';
      this.node(condition);
      this.out += ')';
    } else {
      this.out += 'null';
    }
    this.out += `, function(item) [item][(${OPERATOR.capture}(`;
    this.node(condition);
    this.out += ') and true)])';
    return true;
  }

  /** `x in t`, `x in (t1, t2)` → `(m1 or m2)`, each test checked by feel-scala's rules where feelin differs. */
  private membership(x: SyntaxNode, tests: SyntaxNode[]): void {
    if (tests.length > 1) this.out += '(';
    tests.forEach((test, i) => {
      if (i > 0) this.out += ' or ';
      this.membershipTest(x, test);
    });
    if (tests.length > 1) this.out += ')';
  }

  private membershipTest(x: SyntaxNode, test: SyntaxNode): void {
    const simple = test.firstChild?.name === 'SimplePositiveUnaryTest' ? children(test.firstChild) : [];
    if (simple[0]?.name === 'Interval') return this.range(OPERATOR.inRange, x, simple[0]);
    if (simple[0]?.name === 'CompareOp' && simple[1]) {
      return this.call(OPERATOR.compare, [JSON.stringify(this.textOf(simple[0])), x, simple[1]]);
    }
    // lists (membership) and plain values (equality): feelin's own `in`
    this.out += '(';
    this.node(x);
    this.out += ' in ';
    this.node(test);
    this.out += ')';
  }

  private range(alias: string, x: SyntaxNode | string, interval: SyntaxNode): void {
    const [open, start, , end, close] = children(interval);
    this.call(alias, [x, start, end, JSON.stringify(this.textOf(open)), JSON.stringify(this.textOf(close))]);
  }

  /** DMN input entries: `< 10`, `[1..3]` against the input `?`. */
  private unaryTest(parts: SyntaxNode[]): boolean {
    if (parts[0]?.name === 'Interval') {
      this.range(OPERATOR.unaryInRange, '?', parts[0]);
      return true;
    }
    if (parts.length === 2 && parts[0].name === 'CompareOp') {
      this.call(OPERATOR.unaryCompare, [JSON.stringify(this.textOf(parts[0])), '?', parts[1]]);
      return true;
    }
    return false;
  }

  private dateAndTime(parts: SyntaxNode[]): boolean {
    const name = normalName(this.source.slice(parts[0].from, parts[0].to));
    const parameters = parts[2];
    if (name !== 'date and time' || parameters?.name !== 'PositionalParameters') return false;
    const args = children(parameters).filter((child) => child.name !== ',');
    if (args.length !== 2) return false;
    this.call(OPERATOR.dateAndTime, args);
    return true;
  }

  private namedCall(node: SyntaxNode, parts: SyntaxNode[]): boolean {
    const [callee, ...rest] = parts;
    const name = normalName(this.source.slice(callee.from, callee.to));
    const fn = this.localNames.has(name) ? null : namedFunction(name);
    if (fn === null) {
      if (!this.localNames.has(name)) this.calls.set(this.out.length, callArguments(rest, this.source));
      return false;
    }
    const alias = aliasOf(name);
    this.functions[alias] = fn;
    this.out += alias;
    const argument = name === 'is defined' ? soleArgument(rest, this.source) : null;
    const path = argument ? pathNames(argument.value, this.source, this.names) : null;
    if (argument === null || path === null) {
      this.span(node, callee.to, rest);
      return true;
    }
    // the path's root value too, so that entries of a local context (a filter's `item`) count
    let root = argument.value;
    while (root.name === 'PathExpression' && root.firstChild) root = root.firstChild;
    const named = (parameter: string): string => (argument.named ? `${parameter}: ` : '');
    this.out += `(${named('value')}`;
    this.quietly(argument.value);
    this.out += `, ${named('path')}${JSON.stringify(path)}, ${named('root')}`;
    this.quietly(root);
    this.out += ')';
    return true;
  }

  /** Write `node` in a range whose missing-name warnings are dropped. */
  private quietly(node: SyntaxNode): void {
    const start = this.out.length;
    this.node(node);
    this.quiet.push([start, this.out.length]);
  }

  /** A backtick name read as a variable: MISSING (./names.ts) becomes null plus NO_VARIABLE_FOUND. */
  private backtickReference(node: SyntaxNode): boolean {
    const name = this.names.get(this.textOf(node));
    if (name) this.call(OPERATOR.ref, [name.spelling, JSON.stringify(name.name)]);
    return name !== undefined;
  }

  private backtickPath(target: SyntaxNode, key: SyntaxNode): boolean {
    const name = this.names.get(this.textOf(key));
    if (name) this.call(OPERATOR.path, [target, JSON.stringify(name.name)]);
    return name !== undefined;
  }

  /** A backtick name that is bound: a context key becomes a string key, parameters and iterators the spelling. */
  private backtickName(node: SyntaxNode): boolean {
    const name = this.names.get(this.textOf(node));
    if (name) this.out += node.name === 'Key' ? JSON.stringify(name.name) : name.spelling;
    return name !== undefined;
  }
}

/** Rewrite `source`, given feelin's parse tree of it (expression or unary tests) without syntax errors. */
export function rewriteTree(
  source: string,
  tree: ReturnType<typeof parseExpression>,
  unary: boolean,
  names: EscapedText['names'],
): Rewritten {
  const localNames = new Set<string>();
  tree.iterate({
    enter(node) {
      const entry = node.name === 'ContextEntry' ? children(node.node) : null;
      if (entry && entry[0]?.name === 'Key' && entry[entry.length - 1]?.name === 'FunctionDefinition') {
        localNames.add(normalName(source.slice(entry[0].from, entry[0].to)));
      }
      if (node.name === 'ParameterName') localNames.add(normalName(source.slice(node.from, node.to)));
    },
  });
  const writer = new Writer(source, unary && tree.topNode.firstChild?.name !== 'not', localNames, names);
  writer.node(tree.topNode);
  return { body: writer.text, functions: writer.functions, quiet: writer.quiet, calls: writer.calls };
}
