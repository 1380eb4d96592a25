import { evaluate } from '../../../src/engine/feel';

const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

function value(expression: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluate(expression, variables, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("Camunda's extension functions", () => {
  it('is defined tells a missing variable from a null one', () => {
    // given / when / then
    expect(value('is defined(x)')).toBe(false);
    expect(value('is defined(x)', { x: null })).toBe(true);
    expect(value('is defined(x.y)', { x: { y: null } })).toBe(true);
    expect(value('is defined(x.z)', { x: { y: null } })).toBe(false);
    expect(value('is defined(x)', { x: 0 })).toBe(true);
  });

  it.each([
    ['get or else(x, "默认")', {}, '默认'],
    ['get or else(x, "默认")', { x: '有值' }, '有值'],
    ['get value({a: {b: 1}}, ["a", "b"])', {}, 1],
    ['get value({a: 1}, "a")', {}, 1],
    ['context put({a: 1}, "b", 2)', {}, { a: 1, b: 2 }],
    ['context put({a: {b: 1}}, ["a", "c"], 2)', {}, { a: { b: 1, c: 2 } }],
    ['last day of month(date("2024-02-10"))', {}, '2024-02-29'],
    ['last day of month(date and time("2025-04-10T10:00:00Z"))', {}, '2025-04-30'],
    ['string join(["a", "b"], ", ", "[", "]")', {}, '[a, b]'],
    ['string join(["a", null, "b"], "-")', {}, 'a-b'],
    ['string join(["a", "b"])', {}, 'ab'],
    ['is empty([])', {}, true],
    ['is empty([1])', {}, false],
    ['is blank("  ")', {}, true],
    ['is blank("a")', {}, false],
    ['trim("  巡查  ")', {}, '巡查'],
    ['to base64("峄城")', {}, '5bOE5Z+O'],
    ['duplicate values([1, 2, 1, "a", "a", 3, 1])', {}, [1, 'a']],
    ['partition([1, 2, 3, 4, 5], 2)', {}, [[1, 2], [3, 4], [5]]],
    ['extract("a1b22c333", "[0-9]+")', {}, ['1', '22', '333']],
    ['cycle(3, duration("PT1H"))', {}, 'R3/PT1H'],
    ['cycle(duration("P7D"))', {}, 'R/P7D'],
    ['round up(5.5, 0)', {}, 6],
    ['round down(-5.5, 0)', {}, -5],
    ['round half up(5.5, 0)', {}, 6],
    ['round half down(5.5, 0)', {}, 5],
    ['from json("{\\"a\\": [1, true]}")', {}, { a: [1, true] }],
    ['to json({a: date("2020-01-01")})', {}, '{"a":"2020-01-01"}'],
  ])('%s = %j', (expression, variables, expected) => {
    // given / when / then
    expect(value(expression, variables)).toEqual(expected);
  });

  it('uuid() gives a fresh RFC 4122 identifier and random number() a number in [0, 1)', () => {
    // given / when
    const first = value('uuid()');
    const second = value('uuid()');
    const random = value('random number()') as number;
    // then
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first).not.toBe(second);
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
  });

  it('reports wrong arguments as FUNCTION_INVOCATION_FAILURE and yields null', () => {
    // given / when
    const result = evaluate('trim(1)', {}, NOW);
    // then
    expect(result).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'FUNCTION_INVOCATION_FAILURE', message: "Failed to invoke function 'trim': expected a string" }],
    });
  });

  it('does not let a partition size of zero loop', () => {
    // given / when
    const result = evaluate('partition([1, 2], 0)', {}, NOW);
    // then
    expect(result.ok && result.value).toBeNull();
    expect(result.warnings[0].type).toBe('FUNCTION_INVOCATION_FAILURE');
  });
});
