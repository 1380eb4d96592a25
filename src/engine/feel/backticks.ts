/**
 * Names in backticks, as feel-scala allows them wherever a name stands (`` `order-id` ``, `` `员工 编号` ``,
 * `` a.`b-c` ``, `` {`content-type`: "json"} ``, `` for `x-y` in l return `x-y` ``). feelin's grammar has no
 * backticks, so before parsing each one becomes a placeholder identifier; ./rewrite.ts then writes the name back
 * in a form feelin reads (see ./names.ts for the run-time side):
 * - a reference: `__feel_ref(<spelling>, "<name>")`, the spelling bound in the evaluation context;
 * - after a dot: `__feel_path(<target>, "<name>")`;
 * - a context key: the string key `"<name>"`; an iterator or parameter name: the spelling.
 * A plain name (`` `qty` ``) is written without backticks. The spelling is the name itself when feelin parses
 * it as one name once it is a known variable (letters, digits, `_`, and single `-`, `+`, `*`, `/` or spaces
 * between them: operators our rewrite always turns into calls), so that filter items and context entries with
 * that key shadow it; other names keep the placeholder.
 */
import { parseExpression } from 'feelin';
import { LruCache } from './lru';

export interface BacktickName {
  readonly name: string;
  /** How the body handed to feelin spells it. */
  readonly spelling: string;
}

export interface EscapedText {
  /** The text with every backtick name replaced by its placeholder. */
  readonly text: string;
  /** Placeholder → name. */
  readonly names: ReadonlyMap<string, BacktickName>;
}

const PLACEHOLDER_PREFIX = '__bt_';
/** A character of a word: a backtick name may not run into one. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const PLAIN = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const BARE = /^[\p{L}_][\p{L}\p{N}_]*(?:[-+*/ ][\p{L}\p{N}_]+)*$/u;
const KEYWORDS = new Set([
  'true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every',
  'satisfies', 'between', 'instance', 'of', 'function', 'external',
]);
const spellings = new LruCache<string, boolean>(1_000);

/** Whether feelin reads `name` as one variable name (once the name is in its context, with `known`). */
function bare(name: string, known: boolean): boolean {
  const key = `${known ? '+' : '-'}${name}`;
  let bareName = spellings.get(key);
  if (bareName === undefined) {
    bareName = false;
    if ((known ? BARE : PLAIN).test(name) && !name.split(/[-+*/ ]/).some((token) => KEYWORDS.has(token))) {
      const top = parseExpression(name, known ? { [name]: 1 } : {}, undefined).topNode.firstChild;
      bareName = top?.name === 'VariableName' && top.from === 0 && top.to === name.length && !top.nextSibling;
    }
    spellings.set(key, bareName);
  }
  return bareName;
}

/** The end of the string literal starting at `start` (its closing quote, or the text's end). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** The end of a comment starting at `start`, or `start` when none starts there. */
function commentEnd(text: string, start: number): number {
  if (text.startsWith('//', start)) {
    const end = text.indexOf('\n', start);
    return end < 0 ? text.length : end;
  }
  if (text.startsWith('/*', start)) {
    const end = text.indexOf('*/', start + 2);
    return end < 0 ? text.length : end + 1;
  }
  return start;
}

/**
 * Replace the backtick names of `source` by placeholders. An unclosed or empty pair of backticks is left as it
 * is, so that the parser rejects it as feel-scala does.
 */
export function escapeBacktickNames(source: string): EscapedText {
  if (!source.includes('`')) return { text: source, names: new Map() };
  const byName = new Map<string, string>();
  const names = new Map<string, BacktickName>();
  let text = '';
  let copied = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '"') {
      i = stringEnd(source, i);
    } else if (char === '/') {
      i = commentEnd(source, i);
    } else if (char === '`') {
      const close = source.indexOf('`', i + 1);
      if (close <= i + 1) break;
      const name = source.slice(i + 1, close);
      if (bare(name, false) && !WORD_CHAR.test(source[i - 1] ?? '') && !WORD_CHAR.test(source[close + 1] ?? '')) {
        // `order` needs no backticks: the name as if written without them
        text += source.slice(copied, i) + name;
        copied = close + 1;
        i = close;
        continue;
      }
      let placeholder = byName.get(name);
      if (placeholder === undefined) {
        placeholder = `${PLACEHOLDER_PREFIX}${byName.size}`;
        byName.set(name, placeholder);
        names.set(placeholder, { name, spelling: bare(name, true) ? name : placeholder });
      }
      text += source.slice(copied, i) + placeholder;
      copied = close + 1;
      i = close;
    }
  }
  return { text: text + source.slice(copied), names };
}

type ParsedTree = ReturnType<typeof parseExpression>;

/**
 * Whether a placeholder ran into a neighbouring word (`` `a`b `` reads as one name `__bt_0b` or `__bt_0 b`):
 * feel-scala rejects such text, so must we.
 */
export function hasMergedPlaceholder(tree: ParsedTree, text: string, names: EscapedText['names']): boolean {
  if (names.size === 0) return false;
  let merged = false;
  tree.iterate({
    enter(node) {
      if (node.name !== 'Identifier' || !text.startsWith(PLACEHOLDER_PREFIX, node.from)) return !merged;
      const parent = node.node.parent;
      const own = text.slice(node.from, node.to);
      if (!names.has(own) || !parent || parent.from !== node.from || parent.to !== node.to) merged = true;
      return false;
    },
  });
  return merged;
}
