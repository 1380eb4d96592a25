import { InsecureBindingError, isAuthorized, resolveAuth } from '../../../src/gateway/shared/auth';

describe('gateway credentials', () => {
  it('needs no credentials on loopback and refuses other addresses without them', () => {
    // when / then
    expect(resolveAuth({ host: '127.0.0.1' })).toEqual({ kind: 'none' });
    expect(resolveAuth({ host: '::1' })).toEqual({ kind: 'none' });
    expect(() => resolveAuth({ host: '0.0.0.0' })).toThrow(InsecureBindingError);
    expect(() => resolveAuth({ host: '0.0.0.0', username: 'admin' })).toThrow(/together/);
    expect(resolveAuth({ host: '0.0.0.0', token: 't' })).toEqual({ kind: 'bearer', token: 't' });
  });

  it('checks basic credentials as the SDK encodes them', () => {
    // given
    const auth = { kind: 'basic' as const, username: 'admin', password: 'p:w' };
    const header = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    // when / then
    expect(isAuthorized(auth, header('admin', 'p:w'))).toBe(true);
    expect(isAuthorized(auth, header('admin', 'p'))).toBe(false);
    expect(isAuthorized(auth, undefined)).toBe(false);
    expect(isAuthorized(auth, 'Bearer p:w')).toBe(false);
  });
});
