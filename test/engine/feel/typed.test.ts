import {
  evaluateCorrelationKey,
  evaluateNonEmptyString,
  evaluateTyped,
  evaluateUnaryTests,
  checkExpressionSyntax,
  checkUnaryTestsSyntax,
} from '../../../src/engine/feel';

const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

describe('typed evaluation with Zeebe EXTRACT_VALUE_ERROR texts (A3)', () => {
  it('names the expected and actual type and appends the warnings', () => {
    // given / when
    const result = evaluateTyped('=x', 'BOOLEAN', {}, NOW);
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'",
    });
  });

  it('lists one line per warning', () => {
    // given / when
    const result = evaluateTyped('=[a, b]', 'NUMBER', {}, NOW);
    // then
    expect(!result.ok && result.message.split('\n').slice(1)).toEqual([
      "[NO_VARIABLE_FOUND] No variable found with name 'a'",
      "[NO_VARIABLE_FOUND] No variable found with name 'b'",
    ]);
  });

  it.each([
    ['"text"', 'NUMBER', 'STRING'],
    ['1', 'STRING', 'NUMBER'],
    ['[1]', 'OBJECT', 'ARRAY'],
    ['{a: 1}', 'ARRAY', 'OBJECT'],
    ['true', 'STRING', 'BOOLEAN'],
    ['duration("PT1H")', 'STRING', 'DURATION'],
    ['duration("P1M")', 'STRING', 'PERIOD'],
    ['now()', 'STRING', 'DATE_TIME'],
  ] as const)('%s expected as %s is reported as %s', (expression, expected, actual) => {
    // given / when
    const result = evaluateTyped(`=${expression}`, expected, {}, NOW);
    // then
    expect(result).toEqual({
      ok: false,
      message: `Expected result of the expression '${expression}' to be '${expected}', but was '${actual}'.`,
    });
  });

  it('returns values of the right type in stored form', () => {
    // given / when / then
    expect(evaluateTyped('=x > 1', 'BOOLEAN', { x: 5 }, NOW)).toEqual({ ok: true, value: true });
    expect(evaluateTyped('=items', 'ARRAY', { items: [1, 'a'] }, NOW)).toEqual({ ok: true, value: [1, 'a'] });
    expect(evaluateTyped('=[date("2020-01-01")]', 'ARRAY', {}, NOW)).toEqual({ ok: true, value: ['2020-01-01'] });
    expect(evaluateTyped('=retries', 'NUMBER', { retries: 3 }, NOW)).toEqual({ ok: true, value: 3 });
  });

  it('passes an assertion failure through with its warnings', () => {
    // given / when
    const result = evaluateTyped('=assert(x, x != null)', 'ARRAY', {}, NOW);
    // then
    expect(!result.ok && result.message).toBe(
      "Assertion failure on evaluate the expression 'assert(x, x != null)': The condition is not fulfilled",
    );
  });

  it('rejects an empty job type', () => {
    // given / when / then
    expect(evaluateNonEmptyString('=""', {}, NOW)).toEqual({
      ok: false,
      message: 'Expected result of the expression \'""\' to be a not-empty string, but was an empty string.',
    });
    expect(evaluateNonEmptyString('="inspect-" + kind', { kind: 'fire' }, NOW)).toEqual({ ok: true, value: 'inspect-fire' });
  });

  it('extracts correlation keys from strings and numbers only', () => {
    // given / when / then
    expect(evaluateCorrelationKey('=orderId', { orderId: 'A-1' }, NOW)).toEqual({ ok: true, value: 'A-1' });
    expect(evaluateCorrelationKey('=orderId', { orderId: 12 }, NOW)).toEqual({ ok: true, value: '12' });
    expect(evaluateCorrelationKey('=orderId', {}, NOW)).toEqual({
      ok: false,
      message:
        "Failed to extract the correlation key for 'orderId': The value must be either a string or a number, but was 'NULL'." +
        " The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'orderId'",
    });
    expect(evaluateCorrelationKey('=orderId', { orderId: true }, NOW)).toEqual({
      ok: false,
      message: "Failed to extract the correlation key for 'orderId': The value must be either a string or a number, but was 'BOOLEAN'.",
    });
  });
});

describe('unary tests and syntax checks', () => {
  it.each([
    ['> 5', 6, true],
    ['> 5', 5, false],
    ['"低","中"', '中', true],
    ['[1..3]', 4, false],
    ['-', 'anything', true],
    ['not("高")', '低', true],
    ['? > limit', 4, true],
    ['>= date("2020-01-01")', null, false],
  ])('%s on %j is %s', (tests, input, expected) => {
    // given / when
    const result = evaluateUnaryTests(tests, input, { limit: 3 }, NOW);
    // then
    expect(result.ok && result.value).toBe(expected);
  });

  it('reports invalid syntax for deployment validation', () => {
    // given / when / then
    expect(checkExpressionSyntax('=a >')).toMatch(/^failed to parse expression 'a >': /);
    expect(checkExpressionSyntax('=a > 1')).toBeNull();
    expect(checkUnaryTestsSyntax('> ')).toMatch(/^failed to parse expression '> ': /);
    expect(checkUnaryTestsSyntax('-')).toBeNull();
  });
});
