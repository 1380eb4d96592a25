// Property-based bad input to deployment (mutated real diagrams, decision tables and forms through REST
// /v2/deployments) and to FEEL: always a 400 naming the fault or a FEEL failure result, never a crash, and a
// refused deployment changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkExpressionSyntax, evaluate } from '../../src/engine/feel';
import { DEFAULT_LIMITS } from '../../src/gateway/shared/limits';
import { type EmbeddedEngine } from '../support/embedded-engine';
import { fuzzTarget, PROCESS_XML, type stateProbe } from './support/state';

const root = path.resolve(__dirname, '../..');
const REAL = [
  { name: 'inspection-entry.bpmn', text: readFileSync(path.join(root, 'processes/inspection-entry.bpmn'), 'utf8') },
  { name: 'problem-classification.dmn', text: readFileSync(path.join(root, 'processes/problem-classification.dmn'), 'utf8') },
  { name: 'annual-plan-draft.form', text: readFileSync(path.join(root, 'forms/annual-plan-draft.form'), 'utf8') },
];

// Mutations that always make the resource invalid: cut before its end, point a reference nowhere, repeat an id.
const mutated = fc.oneof(
  fc.record({ file: fc.constantFrom(...REAL), at: fc.double({ min: 0, max: 0.97, noNaN: true }) })
    .map(({ file, at }) => ({ name: file.name, text: file.text.slice(0, Math.floor(file.text.length * at)) })),
  fc.record({ file: fc.constantFrom(REAL[0]), target: fc.stringMatching(/^[A-Za-z_][\w-]{0,20}$/) })
    .map(({ file, target }) => ({ name: file.name, text: file.text.replace(/targetRef="[^"]*"/, `targetRef="missing-${target}"`) })),
  fc.constantFrom(REAL[0]).map((file) => {
    const ids = [...file.text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    return { name: file.name, text: file.text.replace(`id="${ids[3]}"`, `id="${ids[2]}"`) };
  }),
  fc.record({ file: fc.constantFrom(...REAL), junk: fc.string({ minLength: 1, maxLength: 50 }) })
    .map(({ file, junk }) => ({ name: file.name, text: `${junk}<${file.text}` })),
);

async function deploy(base: string, name: string, content: string) {
  const form = new FormData();
  form.append('resources', new Blob([content]), name);
  const res = await fetch(`${base}/deployments`, { method: 'POST', body: form });
  return { status: res.status, problem: (await res.json()) as { detail?: string } };
}

describe('deployment and FEEL under bad input', () => {
  let env: EmbeddedEngine;
  let base: string;
  let probe: ReturnType<typeof stateProbe>;

  beforeAll(async () => {
    ({ env, probe } = await fuzzTarget());
    base = `http://127.0.0.1:${env.gateways.restPort}/v2`;
  }, 60_000);

  afterAll(() => env.close(), 30_000);

  it('refuses every mutated diagram, decision table and form with a 400 that says why', async () => {
    // given the engine with one deployed process
    const before = await probe.snapshot();

    // when mutated copies of real resources are deployed
    await fc.assert(
      fc.asyncProperty(mutated, async ({ name, text }) => {
        const { status, problem } = await deploy(base, name, text);

        // then each is refused with a reason
        expect(status).toBe(400);
        expect(problem.detail).toEqual(expect.any(String));
        expect(problem.detail?.length).toBeGreaterThan(10);
      }),
      { numRuns: 60, seed: 20261128 },
    );

    // and nothing was deployed, the engine is UP
    expect(await probe.snapshot()).toEqual(before);
  }, 50_000);

  it('refuses a resource with an unknown extension and an oversized diagram, and keeps answering', async () => {
    // given the engine state
    const before = await probe.snapshot();

    // when a file that is no BPMN/DMN/form and a diagram 1 MB beyond the upload limit are deployed (just beyond,
    // so the upload takes milliseconds even on a busy machine: what is tested is the limit, not the line's speed)
    const unknown = await deploy(base, 'notes.txt', 'hello');
    const documentation = '巡'.repeat(Math.ceil((DEFAULT_LIMITS.maxDeploymentFileBytes + 1024 * 1024) / 3));
    const huge = await deploy(base, 'huge.bpmn', PROCESS_XML.replace('<bpmn:startEvent id="start"/>', `<bpmn:startEvent id="start"><bpmn:documentation>${documentation}</bpmn:documentation></bpmn:startEvent>`));

    // then both are refused with a 4xx and the engine is unchanged
    expect(unknown.status).toBe(400);
    expect(unknown.problem.detail).toMatch(/notes\.txt/);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    expect(await probe.snapshot()).toEqual(before);
  }, 30_000);

  it('evaluates any FEEL text to a value or a failure message, never an exception', () => {
    // given random expressions built from FEEL's own vocabulary and random bytes, with random variables
    const token = fc.constantFrom('if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'null', '(', ')', '[', ']', '{', '}',
      ':', ',', '.', '..', '+', '-', '*', '/', '**', '=', '!=', '<', '>', 'and', 'or', 'not(', 'x', 'y', '"a"', '1', '2.5', 'date("2026-01-01")',
      'duration("P1D")', 'now()', 'count(', 'sum(', 'string length(', '@"2026-01-01"', 'function(a) a', 'instance of', 'between');
    const expression = fc.oneof(fc.array(token, { maxLength: 12 }).map((t) => t.join(' ')), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }));
    const variables = fc.dictionary(fc.constantFrom('x', 'y', 'z'), fc.jsonValue({ maxDepth: 2 }));

    // when each is checked and evaluated, then the result is always a well-formed outcome
    fc.assert(
      fc.property(expression, variables, (expr, vars) => {
        const syntax = checkExpressionSyntax(expr);
        expect(syntax === null || typeof syntax === 'string').toBe(true);
        const result = evaluate(expr, vars as Record<string, unknown>, Date.UTC(2026, 10, 28));
        if (result.ok) expect(() => JSON.stringify(result.value)).not.toThrow();
        else expect(result.message).toEqual(expect.any(String));
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });
});
