import request from 'supertest';
import { createRestApp } from '../../../src/engine/gateway/rest/app';
import { createManagementApp } from '../../../src/engine/gateway/management/app';
import { DEFAULT_LIMITS } from '../../../src/engine/gateway/limits';
import type { GatewayAuth } from '../../../src/engine/gateway/auth';
import { FakeEngine } from './fake-engine';

function restApp(engine: FakeEngine, auth: GatewayAuth = { kind: 'none' }, clockControlled = true) {
  return createRestApp(engine.asEngine(), {
    auth,
    limits: { ...DEFAULT_LIMITS, maxJsonBodyBytes: 1024 },
    cluster: { host: '127.0.0.1', grpcPort: () => 26500, clockControlled },
  });
}

describe('REST /v2 gateway (with a test double of the engine)', () => {
  it('answers a precise 400 problem for an invalid body', async () => {
    // given
    const app = restApp(new FakeEngine());
    // when
    const res = await request(app).post('/v2/jobs/activation').send({ type: '', timeout: 0, maxJobsToActivate: 1 });
    // then
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'INVALID_ARGUMENT', instance: '/v2/jobs/activation' });
    expect(res.body.detail).toContain('type: expected a non-empty job type');
    expect(res.body.detail).toContain('timeout: expected a lock timeout of at least 1 ms');
  });

  it('answers engine rejections with Camunda status codes', async () => {
    // given
    const app = restApp(new FakeEngine());
    // when
    const notFound = await request(app).post('/v2/jobs/404/completion').send({});
    const conflict = await request(app).post('/v2/jobs/409/completion').send({ variables: {} });
    const badKey = await request(app).post('/v2/jobs/abc/completion').send({});
    // then
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ title: 'NOT_FOUND', detail: expect.stringContaining("Command 'COMPLETE' rejected with code 'NOT_FOUND'") });
    expect(conflict.status).toBe(409);
    expect(badKey.status).toBe(400);
  });

  it('activates jobs with variables and headers as objects and keys as strings', async () => {
    // given
    const engine = new FakeEngine();
    engine.addJob({ key: '2251799813685249', type: 'notify' });
    // when
    const res = await request(restApp(engine)).post('/v2/jobs/activation').send({ type: 'notify', worker: 'w', timeout: 1000, maxJobsToActivate: 2, requestTimeout: -1 });
    // then
    expect(res.status).toBe(200);
    expect(res.body.jobs).toEqual([
      expect.objectContaining({ jobKey: '2251799813685249', variables: { 企业: '甲' }, customHeaders: { 区: '峄城' }, kind: 'BPMN_ELEMENT' }),
    ]);
  });

  it('rejects oversized and malformed JSON bodies, unknown filter fields and unknown endpoints', async () => {
    // given
    const app = restApp(new FakeEngine());
    // when
    const large = await request(app).post('/v2/messages/publication').send({ name: 'x', variables: { blob: 'x'.repeat(4000) } });
    const malformed = await request(app).post('/v2/messages/publication').set('content-type', 'application/json').send('{"name":');
    const unknownFilter = await request(app).post('/v2/user-tasks/search').send({ filter: { colour: 'red' } });
    const unknown = await request(app).get('/v2/nothing-here');
    // then
    expect(large.status).toBe(413);
    expect(malformed.status).toBe(400);
    expect(unknownFilter.status).toBe(400);
    expect(unknownFilter.body.detail).toContain('colour');
    expect(unknown.status).toBe(404);
  });

  it('requires bearer credentials when configured', async () => {
    // given
    const app = restApp(new FakeEngine(), { kind: 'bearer', token: 'tok-1' });
    // when
    const without = await request(app).get('/v2/topology');
    const wrong = await request(app).get('/v2/topology').set('authorization', 'Bearer tok-2');
    const right = await request(app).get('/v2/topology').set('authorization', 'Bearer tok-1');
    // then
    expect(without.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(right.status).toBe(200);
    expect(right.body.brokers[0].partitions).toEqual([{ partitionId: 1, role: 'leader', health: 'healthy' }]);
  });

  it('pins and resets the clock over REST and the management port', async () => {
    // given
    const engine = new FakeEngine();
    const management = createManagementApp(engine.asEngine(), { kind: 'none' }, true);
    // when
    const pin = await request(restApp(engine)).put('/v2/clock').send({ timestamp: '1767225600000' });
    const added = await request(management).post('/actuator/clock/add').send({ offsetMilli: 60_000 });
    const health = await request(management).get('/actuator/health');
    const reset = await request(management).delete('/actuator/clock');
    // then
    expect(pin.status).toBe(204);
    expect(added.body).toEqual({ epochMilli: 1_767_225_660_000, instant: '2026-01-01T00:01:00.000Z' });
    expect(health.body).toEqual({ status: 'UP' });
    expect(reset.status).toBe(200);
    expect(engine.pinned).toBeUndefined();
  });

  it('refuses clock changes unless the engine runs clock-controlled', async () => {
    // given
    const engine = new FakeEngine();
    const management = createManagementApp(engine.asEngine(), { kind: 'none' }, false);
    // when
    const rest = await request(restApp(engine, { kind: 'none' }, false)).put('/v2/clock').send({ timestamp: 0 });
    const actuator = await request(management).post('/actuator/clock').send({ epochMilli: 0 });
    const purge = await request(management).post('/actuator/cluster/purge');
    // then
    expect([rest.status, actuator.status, purge.status]).toEqual([403, 403, 403]);
    expect(engine.pinned).toBeUndefined();
  });
});
