import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.ZEEBE_GRPC_ADDRESS).toBe('grpc://127.0.0.1:26500');
    expect(config.ENGINE_REST_PORT).toBe(8080);
    expect(config.ENGINE_DURABILITY).toBe('full');
    expect(config.ENGINE_CLOCK_CONTROLLED).toBe(false);
    expect(config.WEB_PORT).toBe(3000);
  });

  it('parses typed values', () => {
    const config = loadConfig({ ENGINE_CLOCK_CONTROLLED: 'true', WEB_PORT: '3100', ENGINE_DURABILITY: 'memory' });
    expect(config.ENGINE_CLOCK_CONTROLLED).toBe(true);
    expect(config.WEB_PORT).toBe(3100);
    expect(config.ENGINE_DURABILITY).toBe('memory');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ WEB_PORT: '' }).WEB_PORT).toBe(3000);
  });

  it('names every bad variable on a line of its own', () => {
    // given three wrong values
    const env = { ZEEBE_GRPC_ADDRESS: 'localhost:26500', WEB_PORT: '99999', ENGINE_DURABILITY: 'fast' };
    // when
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    // then
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('ZEEBE_GRPC_ADDRESS="localhost:26500"'))).toMatch(/grpc:\/\/host:port/);
    expect(problems.find((p) => p.startsWith('WEB_PORT="99999"'))).toMatch(/port between 0 and 65535/);
    expect(problems.find((p) => p.startsWith('ENGINE_DURABILITY="fast"'))).toMatch(/full/);
  });

  it('reads the trusted proxies as express takes them and refuses anything else', () => {
    expect(loadConfig({}).WEB_TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ WEB_TRUST_PROXY: 'false' }).WEB_TRUST_PROXY).toBe(false);
    expect(loadConfig({ WEB_TRUST_PROXY: '1' }).WEB_TRUST_PROXY).toBe(1);
    expect(loadConfig({ WEB_TRUST_PROXY: 'loopback, 172.16.0.0/12' }).WEB_TRUST_PROXY).toBe('loopback, 172.16.0.0/12');
    expect(() => loadConfig({ WEB_TRUST_PROXY: 'everyone' })).toThrow(/WEB_TRUST_PROXY="everyone"/);
  });
});
