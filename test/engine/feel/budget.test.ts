// Runaway FEEL expressions fail their evaluation with a budget message instead of building huge lists, looping
// forever or recursing exponentially; ordinary expressions are not affected.
import { evaluate } from '../../../src/engine/feel';
import { MAX_STEPS } from '../../../src/engine/feel/budget';

const NOW = Date.UTC(2026, 2, 2, 8, 0, 0);

describe('FEEL evaluation budget', () => {
  it.each([
    ['=count(for x in 1..100000000 return x)', /exceeded the budget of 100000 iterations and function calls/],
    ['=for x in 1..10000000 return x', /exceeded the budget of 100000 iterations/],
    ['=some x in 1..10000000 satisfies x < 0', /exceeded the budget of 100000 iterations/],
    ['=count(for x in 1..1000, y in 1..1000 return 1)', /exceeded the budget of 100000 iterations/],
    ['=for x in [1..10000000] return x', /exceeded the budget of 100000 iterations/],
    ['=for x in 1..1.5 return x', /the range 1..1.5 never ends/],
    ['={f: function(n) if n = 0 then 0 else f(n - 1) + f(n - 1)}.f(40)', /exceeded the budget of 100000 iterations and function calls/],
    ['=for i in 1..40 return if i = 1 then "ab" else partial[-1] + partial[-1]', /exceeded the budget of 10000000 list items and characters/],
    ['=for i in 1..40 return if i = 1 then [1] else [partial[-1], partial[-1]]', /the result holds more than 1000000 values/],
  ])('fails %s with a budget message', (expression, message) => {
    // when the runaway expression is evaluated
    const result = evaluate(expression, {}, NOW);

    // then the evaluation fails, naming the budget it exceeded
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('charges iterations over a list variable and the items of a filter', () => {
    // given a list longer than the budget, as a client may send it
    const long = Array.from({ length: MAX_STEPS + 1 }, (_, i) => i);

    // when it is iterated and filtered
    const iterated = evaluate('=for x in long return x', { long }, NOW);
    const filtered = evaluate('=long[item > 5]', { long }, NOW);
    const picked = evaluate('=long[1]', { long }, NOW);

    // then iterating and filtering fail, picking one item by index does not
    expect(iterated).toMatchObject({ ok: false, message: expect.stringMatching(/exceeded the budget/) });
    expect(filtered).toMatchObject({ ok: false, message: expect.stringMatching(/exceeded the budget/) });
    expect(picked).toEqual({ ok: true, value: 0, warnings: [] });
  });

  it('evaluates ordinary loops, calls, filters and functions as before', () => {
    // when ordinary expressions are evaluated
    const results = [
      '=for x in 1..5 return x * 2',
      '=sum(for x in 1..1000 return x)',
      '=[1, 2, 3][item > 1]',
      '=string join(for x in ["a", "b"] return x, ",")',
      '=sort([3, 1, 2], function(a, b) a < b)',
      '=every x in 3..1 satisfies x > 0',
      '={f: function(n) if n = 0 then 1 else n * f(n - 1)}.f(5)',
    ].map((expression) => evaluate(expression, {}, NOW));

    // then they give their values
    expect(results.map((r) => (r.ok ? r.value : r.message))).toEqual([[2, 4, 6, 8, 10], 500500, [2, 3], 'a,b', [1, 2, 3], true, 120]);
  });
});
