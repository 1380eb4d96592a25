import { evaluate } from '../../../src/engine/feel';

/** The engine clock the FEEL tests evaluate `now()` and `today()` against. */
export const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

/** Evaluates an expression that must not fail; warnings as they appear in incident messages (`[TYPE] text`). */
export function run(expression: string, variables: Record<string, unknown> = {}): { value: unknown; warnings: string[] } {
  const result = evaluate(expression, variables, NOW);
  if (!result.ok) throw new Error(result.message);
  return { value: result.value, warnings: result.warnings.map((w) => `[${w.type}] ${w.message}`) };
}
