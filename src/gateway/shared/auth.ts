import { timingSafeEqual } from 'node:crypto';

/** What callers must present: nothing (loopback only), HTTP basic credentials, or a bearer token. */
export type GatewayAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export interface CredentialSettings {
  host: string;
  username?: string;
  password?: string;
  token?: string;
}

/** Raised when the gateways would be reachable from other machines without any credentials. */
export class InsecureBindingError extends Error {
  constructor(host: string) {
    super(
      `refusing to listen on ${host} without credentials: set ENGINE_USERNAME and ENGINE_PASSWORD (basic) or ENGINE_TOKEN (bearer), or bind to 127.0.0.1`,
    );
    this.name = 'InsecureBindingError';
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Chooses the credential scheme; a non-loopback address without credentials is refused. */
export function resolveAuth(settings: CredentialSettings): GatewayAuth {
  if (settings.token) return { kind: 'bearer', token: settings.token };
  if (settings.username || settings.password) {
    if (!settings.username || !settings.password) {
      throw new Error('ENGINE_USERNAME and ENGINE_PASSWORD must be set together');
    }
    return { kind: 'basic', username: settings.username, password: settings.password };
  }
  if (!isLoopback(settings.host)) throw new InsecureBindingError(settings.host);
  return { kind: 'none' };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when the Authorization header (as the SDK sends it on REST and in gRPC metadata) satisfies `auth`. */
export function isAuthorized(auth: GatewayAuth, header: string | undefined): boolean {
  if (auth.kind === 'none') return true;
  if (!header) return false;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(' ');
  if (auth.kind === 'bearer') return scheme.toLowerCase() === 'bearer' && sameText(credentials, auth.token);
  if (scheme.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Evaluate both comparisons so timing does not reveal which part was wrong.
  const userOk = sameText(decoded.slice(0, colon), auth.username);
  const passwordOk = sameText(decoded.slice(colon + 1), auth.password);
  return userOk && passwordOk;
}
