// Property-based bad input to the REST /v2 gateway: random methods, paths, keys and bodies. Never a 5xx, always a
// problem document naming the fault, the server keeps answering and the engine state does not change.
import fc from 'fast-check';
import { type EmbeddedEngine } from '../support/embedded-engine';
import { fuzzTarget, type stateProbe } from './support/state';

const ROUTES = [
  'process-instances', 'process-instances/:key', 'process-instances/:key/cancellation', 'process-definitions/:key',
  'process-definitions/:key/xml', 'user-tasks/:key', 'user-tasks/:key/completion', 'user-tasks/:key/assignment',
  'jobs/:key/completion', 'jobs/:key/failure', 'jobs/:key/error', 'jobs/activation', 'incidents/:key/resolution',
  'messages/publication', 'messages/correlation', 'signals/broadcast', 'decision-definitions/evaluation',
  'element-instances/:key/variables', 'process-definitions/search', 'user-tasks/search', 'deployments', 'clock',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// A key that cannot exist, or text that is no key at all (including traversal and control characters).
const key = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map((n) => `9${n}`.slice(0, 19)), fc.string({ maxLength: 40 }), fc.constantFrom('..', '%00', '-1', '1e9', '0x10'));
// JSON the API cannot take: wrong shapes, wrong types, or text that is not JSON at all.
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ processDefinitionKey: fc.oneof(fc.string(), fc.double(), fc.boolean()), variables: fc.jsonValue({ maxDepth: 2 }) }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', '[1,2', '\u0000', '{"variables": "x".repeat}'),
);

describe('REST /v2 under random bad input', () => {
  let env: EmbeddedEngine;
  let base: string;
  let probe: ReturnType<typeof stateProbe>;

  beforeAll(async () => {
    ({ env, probe } = await fuzzTarget({ running: true }));
    base = `http://127.0.0.1:${env.gateways.restPort}/v2`;
  }, 60_000);

  afterAll(() => env.close(), 30_000);

  it('answers every malformed request with a precise 4xx and changes nothing', async () => {
    // given the engine with one definition and one running instance
    const before = await probe.snapshot();

    // when random requests arrive
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), key, fc.constantFrom(...METHODS), body, async (route, k, method, payload) => {
        const url = `${base}/${route.replace(':key', encodeURIComponent(k))}`;
        const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : payload });
        const text = await res.text();

        // then each is refused with a 4xx problem that says what is wrong (405/404 for routes that do not exist)
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const problem = JSON.parse(text) as { title?: string; detail?: string; status?: number };
        expect(typeof problem.detail === 'string' || typeof problem.title === 'string').toBe(true);
      }),
      { numRuns: 300, seed: 20261128 },
    );

    // and the engine is still UP with the same definitions, instances and no new events
    expect(await probe.snapshot()).toEqual(before);
  }, 50_000);

  it('refuses oversized bodies with 413 and keeps answering', async () => {
    // given a body far beyond the gateway's limit
    const huge = JSON.stringify({ processDefinitionId: 'fault-fuzz', variables: { blob: 'x'.repeat(20 * 1024 * 1024) } });
    const before = await probe.snapshot();

    // when it is posted
    const res = await fetch(`${base}/process-instances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });

    // then it is refused as too large, and the server answers the next request as before
    expect(res.status).toBe(413);
    expect((await fetch(`${base}/topology`)).status).toBe(200);
    expect(await probe.snapshot()).toEqual(before);
  }, 30_000);
});
