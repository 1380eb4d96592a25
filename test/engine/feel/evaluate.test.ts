import { evaluate, evaluateFeel, expressionBody, isExpression } from '../../../src/engine/feel';

const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

describe('FEEL evaluation with Zeebe null semantics', () => {
  it('tells expressions from static values', () => {
    // given / when / then
    expect(isExpression('=x')).toBe(true);
    expect(isExpression('  =x')).toBe(true);
    expect(isExpression('x')).toBe(false);
    expect(expressionBody('=x > 1')).toBe('x > 1');
    expect(expressionBody('= x')).toBe(' x');
  });

  it('yields null and NO_VARIABLE_FOUND for a missing variable, without failing', () => {
    // given
    const variables = {};
    // when
    const result = evaluate('=x', variables, NOW);
    // then
    expect(result).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_VARIABLE_FOUND', message: "No variable found with name 'x'" }],
    });
  });

  it('treats a missing variable as equal to null', () => {
    // given / when
    const result = evaluate('x = null', {}, NOW);
    // then
    expect(result.ok && result.value).toBe(true);
  });

  it('reports a missing context entry and a path on null as NO_CONTEXT_ENTRY_FOUND', () => {
    // given / when
    const missingKey = evaluate('x.y', { x: { a: 1 } }, NOW);
    const onNull = evaluate('x.y', { x: null }, NOW);
    // then
    expect(missingKey.ok && missingKey.value).toBeNull();
    expect(missingKey.warnings).toEqual([
      { type: 'NO_CONTEXT_ENTRY_FOUND', message: "No context entry found with key 'y'. Available keys: 'a'" },
    ]);
    expect(onNull.warnings.map((w) => w.type)).toEqual(['NO_CONTEXT_ENTRY_FOUND']);
  });

  it('reports an unknown function as NO_FUNCTION_FOUND and yields null', () => {
    // given / when
    const result = evaluate('foo(1)', {}, NOW);
    // then
    expect(result).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_FUNCTION_FOUND', message: "No function found with name 'foo' and 1 parameters" }],
    });
  });

  it('fails on a parse error with the expression in the message', () => {
    // given / when
    const result = evaluate('=1 +', {}, NOW);
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^failed to parse expression '1 \+': /);
  });

  it('fails an empty expression', () => {
    // given / when
    const result = evaluate('=', {}, NOW);
    // then
    expect(!result.ok && result.message).toBe("failed to parse expression '': the expression is empty");
  });

  it('fails the evaluation when an assertion does not hold, with Zeebe\'s text', () => {
    // given / when
    const failed = evaluate('assert(x, x != null)', {}, NOW);
    const withCause = evaluate('assert(x, x != null, "x is required")', {}, NOW);
    const passed = evaluate('assert(x, x > 1)', { x: 5 }, NOW);
    // then
    expect(!failed.ok && failed.message).toBe(
      "Assertion failure on evaluate the expression 'assert(x, x != null)': The condition is not fulfilled",
    );
    expect(!withCause.ok && withCause.message).toBe(
      'Assertion failure on evaluate the expression \'assert(x, x != null, "x is required")\': x is required',
    );
    expect(passed).toEqual({ ok: true, value: 5, warnings: [] });
  });

  it('evaluates the same text with different variables (compiled once, cached)', () => {
    // given
    const text = '=amount * 2';
    // when
    const results = [1, 2, 3].map((amount) => evaluate(text, { amount }, NOW));
    // then
    expect(results.map((r) => r.ok && r.value)).toEqual([2, 4, 6]);
  });

  it('keeps Chinese strings and nested data intact', () => {
    // given
    const variables = { enterprise: { name: '峄城区某化工厂', hazards: ['火灾', '泄漏'] } };
    // when
    const result = evaluate('{name: enterprise.name, first: enterprise.hazards[1], n: count(enterprise.hazards)}', variables, NOW);
    // then
    expect(result.ok && result.value).toEqual({ name: '峄城区某化工厂', first: '火灾', n: 2 });
  });

  it('uses the injected clock for now() and today()', () => {
    // given
    const clock = Date.UTC(2030, 5, 15, 23, 59, 30);
    // when
    const now = evaluate('now()', {}, clock);
    const today = evaluate('today()', {}, clock);
    const raw = evaluateFeel('now()', {}, clock);
    // then
    expect(now.ok && now.value).toBe('2030-06-15T23:59:30Z');
    expect(today.ok && today.value).toBe('2030-06-15');
    expect(raw.ok && String(raw.value)).toContain('2030-06-15T23:59:30');
  });
});

describe('plain variable paths (resolved without re-parsing)', () => {
  it.each([
    ['x', {}],
    ['x', { x: { a: [1, 2] } }],
    ['x.y', {}],
    ['x.y.z', {}],
    ['x.y', { x: null }],
    ['x.y', { x: { a: 1, b: 2 } }],
    ['x.y.z', { x: { y: { z: '巡查' } } }],
    ['x.y', { x: 'text' }],
    ['x.y', { x: [{ y: 1 }, { y: 2 }] }],
  ])('%s with %j gives what feelin gives', (path, variables) => {
    // given: parentheses make the same expression go through feelin
    const throughFeelin = evaluate(`(${path})`, variables, NOW);
    // when
    const direct = evaluate(path, variables, NOW);
    // then
    expect(direct).toEqual(throughFeelin);
  });

  it('leaves builtin names and keywords to feelin', () => {
    // given / when / then
    expect(evaluate('count', {}, NOW)).toEqual({ ok: true, value: null, warnings: [] });
    expect(evaluate('count', { count: 3 }, NOW)).toEqual({ ok: true, value: 3, warnings: [] });
    expect(evaluate('true', {}, NOW)).toEqual({ ok: true, value: true, warnings: [] });
  });
});
