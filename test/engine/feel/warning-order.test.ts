import { run } from './run';

describe('FEEL warnings in evaluation order, with feel-scala texts', () => {
  it.each([
    [
      '(x < "a") = (y < 1)',
      { x: 1 },
      ["[NOT_COMPARABLE] Can't compare '1' with '\"a\"'", "[NO_VARIABLE_FOUND] No variable found with name 'y'"],
    ],
    [
      '1 + "a" + y',
      {},
      [
        "[INVALID_TYPE] Can't add '\"a\"' to '1'",
        "[NO_VARIABLE_FOUND] No variable found with name 'y'",
        "[INVALID_TYPE] Can't add 'null' to 'null'",
      ],
    ],
    [
      'x + foo(1)',
      {},
      [
        "[NO_VARIABLE_FOUND] No variable found with name 'x'",
        "[NO_FUNCTION_FOUND] No function found with name 'foo' and 1 parameters",
        "[INVALID_TYPE] Can't add 'null' to 'null'",
      ],
    ],
    [
      '[trim(5), z]',
      {},
      ["[FUNCTION_INVOCATION_FAILURE] Failed to invoke function 'trim': expected a string", "[NO_VARIABLE_FOUND] No variable found with name 'z'"],
    ],
  ])('%s reports its warnings in the order they arise', (expression, variables, expected) => {
    // given / when
    const result = run(expression, variables);
    // then
    expect(result.warnings).toEqual(expected);
  });

  it.each([
    ['foo()', "No function found with name 'foo' and 0 parameters"],
    ['foo(1, x)', "No function found with name 'foo' and 2 parameters"],
    ['foo(a: 1, b: 2)', "No function found with name 'foo' and parameters: a,b"],
  ])('names the parameters of an unknown function call %s', (expression, message) => {
    // given / when
    const result = run(expression, { x: 1 });
    // then
    expect(result).toEqual({ value: null, warnings: [`[NO_FUNCTION_FOUND] ${message}`] });
  });

  it('quotes the available keys of a context that lacks the entry', () => {
    // given / when
    const fromVariable = run('x.c', { x: { a: 1, b: 2 } });
    const fromLiteral = run('{a: 1}.b');
    // then
    expect(fromVariable.warnings).toEqual(["[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'c'. Available keys: 'a', 'b'"]);
    expect(fromLiteral.warnings).toEqual(["[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'b'. Available keys: 'a'"]);
  });
});
