import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { actuatorTimeSource, clockFromConfig, engineClock, managementAddress } from '../../src/camunda/engine-clock';
import { loadConfig } from '../../src/config';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';

const YEAR = 365 * 86_400_000;

describe("the system clock reads the engine's time", () => {
  let env: EmbeddedEngine;
  const configFor = (extra: Record<string, string> = {}) => ({
    ...env.config('/tmp'), CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${env.gateways.managementPort}`, ...extra,
  });

  beforeAll(async () => {
    env = await startEmbeddedEngine();
  });
  afterAll(() => env.close());
  afterEach(async () => {
    await fetch(`http://127.0.0.1:${env.gateways.restPort}/v2/clock/reset`, { method: 'POST' });
  });

  it('follows a clock pinned a year ahead through PUT /v2/clock, and the wall clock after a reset', async () => {
    // given
    const clock = clockFromConfig(configFor(), { refreshMs: 0 });
    const ahead = Date.now() + YEAR;
    // when
    const pinned = await fetch(`http://127.0.0.1:${env.gateways.restPort}/v2/clock`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: ahead }),
    });
    await clock.sync();
    // then
    expect(pinned.status).toBe(204);
    expect(Math.abs(clock().getTime() - ahead)).toBeLessThan(5_000);
    // when
    await fetch(`http://127.0.0.1:${env.gateways.restPort}/v2/clock/reset`, { method: 'POST' });
    await clock.sync();
    // then
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('asks the engine at most once per refresh interval however often it is read', async () => {
    // given
    let asked = 0;
    let wall = 1_000_000;
    const clock = engineClock(async () => { asked++; return wall + YEAR; }, { refreshMs: 1_000, wall: () => wall });
    await clock.sync();
    // when
    for (let i = 0; i < 1_000; i++) clock();
    await clock.sync();
    wall += 999;
    await clock.sync();
    // then
    expect(asked).toBe(1);
    expect(clock().getTime()).toBe(wall + YEAR);
    // when: the reading is older than the interval
    wall += 1;
    await clock.sync();
    // then
    expect(asked).toBe(2);
  });

  it("uses this machine's clock when the management API does not tell the time, and asks again only after the retry interval", async () => {
    // given: a Camunda whose clock is not controlled answers 404 on /actuator/clock
    let asked = 0;
    const server: Server = createServer((_req, res) => { asked++; res.statusCode = 404; res.end(); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const clock = clockFromConfig(configFor({ CAMUNDA_MANAGEMENT_ADDRESS: address }), { refreshMs: 0, retryMs: 60_000 });
      // when
      await clock.sync();
      await clock.sync();
      // then
      expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1_000);
      expect(asked).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('does not hold a request for an engine that did not tell its time last time, and takes its time in the background', async () => {
    // given: an engine that did not answer, then answers slowly
    let wall = 5_000_000;
    let answer: ((ms: number) => void) | undefined;
    let told = false;
    const clock = engineClock(() => (told ? new Promise<number>((resolve) => { answer = resolve; }) : Promise.resolve(undefined)), {
      refreshMs: 1_000, retryMs: 30_000, wall: () => wall,
    });
    await clock.sync();
    told = true;
    wall += 30_000;
    // when: the retry is due, a request syncs while the engine has not answered yet
    await clock.sync();
    const meanwhile = clock().getTime();
    answer!(wall + YEAR);
    await new Promise((resolve) => setImmediate(resolve));
    // then
    expect(meanwhile).toBe(wall);
    expect(clock().getTime()).toBe(wall + YEAR);
  });

  it("uses this machine's clock when nothing listens on the management port", async () => {
    // given
    const unused = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as AddressInfo; s.close(() => resolve(port)); });
    });
    const clock = clockFromConfig(configFor({ CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${unused}` }), { refreshMs: 0 });
    // when
    await clock.sync();
    // then
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('sends the configured credentials to a management API that requires them', async () => {
    // given
    let authorization: string | undefined;
    const server: Server = createServer((req, res) => {
      authorization = req.headers.authorization;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ epochMilli: Date.UTC(2028, 0, 1), instant: '2028-01-01T00:00:00.000Z' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const config = configFor({
        CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: '巡查', CAMUNDA_BASIC_AUTH_PASSWORD: 'geheim',
      });
      // when
      const told = await actuatorTimeSource(config)();
      // then
      expect(told).toBe(Date.UTC(2028, 0, 1));
      expect(authorization).toBe(`Basic ${Buffer.from('巡查:geheim').toString('base64')}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("takes the management address from the REST address's host on port 9600 unless configured", () => {
    expect(managementAddress(loadConfig({ ZEEBE_REST_ADDRESS: 'http://camunda.local:8088' }))).toBe('http://camunda.local:9600');
    expect(managementAddress(loadConfig({ ZEEBE_REST_ADDRESS: 'http://[::1]:8080' }))).toBe('http://[::1]:9600');
    expect(managementAddress(loadConfig({ CAMUNDA_MANAGEMENT_ADDRESS: 'http://mgmt:19600/' }))).toBe('http://mgmt:19600');
  });
});
