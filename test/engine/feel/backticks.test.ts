import { checkExpressionSyntax, evaluate, evaluateUnaryTests } from '../../../src/engine/feel';
import { NOW, run } from './run';

describe('FEEL names in backticks (feel-scala escaped identifiers)', () => {
  it.each([
    ['`order-id`', { 'order-id': 'A-1' }, 'A-1'],
    ['`员工 编号`', { '员工 编号': 7 }, 7],
    ['`order-id` + 1', { 'order-id': 1 }, 2],
    ['`unit-price` * `qty`', { 'unit-price': 2.5, qty: 4 }, 10],
    ['`a+b` - `a-b`', { 'a+b': 5, 'a-b': 2, a: 100, b: 1 }, 3],
    ['a.`b-c`', { a: { 'b-c': 3 } }, 3],
    ['a.`b-c`.`d e`', { a: { 'b-c': { 'd e': 4 } } }, 4],
    ['`a-b`.c', { 'a-b': { c: 5 } }, 5],
    ['l.`b-c`', { l: [{ 'b-c': 1 }, { 'b-c': 2 }] }, [1, 2]],
    ['{`content-type`: "json"}', {}, { 'content-type': 'json' }],
    ['{`a-b`: 1, c: `a-b` + 1}.c', {}, 2],
    ['for `x-y` in [1, 2] return `x-y` * 2', {}, [2, 4]],
    ['(function(`a b`) `a b` + 1)(2)', {}, 3],
    ['{`my-fn`: function(x) x + 1, r: `my-fn`(2)}.r', {}, 3],
    ['l[`unit-price` > 10]', { l: [{ 'unit-price': 5 }, { 'unit-price': 20 }] }, [{ 'unit-price': 20 }]],
    ['`2fa-code`', { '2fa-code': '1234' }, '1234'],
    ['`a:b` = 1', { 'a:b': 1 }, true],
    ['`if`', { if: 'x' }, 'x'],
    ['`a.b`', { 'a.b': 9, a: { b: 1 } }, 9],
    ['"`not a name`"', {}, '`not a name`'],
    ['count(`item-list`)', { 'item-list': [1, 2] }, 2],
  ])('%s with %j = %j', (expression, variables, expected) => {
    // given / when
    const result = run(expression, variables);
    // then
    expect(result).toEqual({ value: expected, warnings: [] });
  });

  it('reports a missing backtick name by its name', () => {
    // given / when
    const missing = run('`order-id`');
    const missingKey = run('a.`b-c`', { a: { x: 1 } });
    // then
    expect(missing).toEqual({ value: null, warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'order-id'"] });
    expect(missingKey).toEqual({
      value: null,
      warnings: ["[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'b-c'. Available keys: 'x'"],
    });
  });

  it('reads a plain name in backticks as the name itself', () => {
    // given / when
    const missing = run('`qty` + qty');
    const present = run('`数量` * 2', { 数量: 3 });
    // then
    expect(missing).toEqual({
      value: null,
      warnings: [
        "[NO_VARIABLE_FOUND] No variable found with name 'qty'",
        "[NO_VARIABLE_FOUND] No variable found with name 'qty'",
        "[INVALID_TYPE] Can't add 'null' to 'null'",
      ],
    });
    expect(present).toEqual({ value: 6, warnings: [] });
  });

  it('reports a missing function called by a backtick name as NO_FUNCTION_FOUND', () => {
    // given / when
    const result = run('`to-text`(1)');
    // then
    expect(result).toEqual({ value: null, warnings: ["[NO_FUNCTION_FOUND] No function found with name 'to-text' and 1 parameters"] });
  });

  it('tells a missing backtick name from a null one with is defined, without warnings', () => {
    // given / when / then
    expect(run('is defined(`order-id`)')).toEqual({ value: false, warnings: [] });
    expect(run('is defined(`order-id`)', { 'order-id': null })).toEqual({ value: true, warnings: [] });
    expect(run('is defined(a.`b-c`)', { a: { 'b-c': null } })).toEqual({ value: true, warnings: [] });
  });

  it('accepts backtick names in unary tests', () => {
    // given / when
    const below = evaluateUnaryTests('< `max-value`', 5, { 'max-value': 10 }, NOW);
    const listed = evaluateUnaryTests('`allowed-levels`', 'B', { 'allowed-levels': ['A', 'B'] }, NOW);
    // then
    expect(below.ok && below.value).toBe(true);
    expect(listed.ok && listed.value).toBe(true);
  });

  it('passes the syntax check and rejects unbalanced or empty backticks', () => {
    // given / when / then
    expect(checkExpressionSyntax('=`order-id` > 1')).toBeNull();
    expect(checkExpressionSyntax('=`order-id')).toMatch(/^failed to parse expression '`order-id': /);
    expect(checkExpressionSyntax('=`` + 1')).toMatch(/^failed to parse expression/);
    expect(checkExpressionSyntax('=`a`b')).toMatch(/^failed to parse expression/);
    expect(checkExpressionSyntax('=`a-b`c')).toMatch(/^failed to parse expression/);
  });

  it('keeps the message text of the expression as written', () => {
    // given / when
    const result = evaluate('=assert(`order-id`, `order-id` != null)', {}, NOW);
    // then
    expect(!result.ok && result.message).toBe(
      "Assertion failure on evaluate the expression 'assert(`order-id`, `order-id` != null)': The condition is not fulfilled",
    );
  });
});
