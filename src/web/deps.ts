import { type SystemClock } from '../camunda/engine-clock';
import { type Logger } from '../logging';
import { type CamundaPort } from './camunda/port';
import { type WebStore } from './store/port';

export interface WebConfig {
  /** Directory holding the bundled browser scripts and styles (see assets/build.ts). */
  assetsDir: string;
  /** Directory of the Camunda Forms (form-js JSON) offered for preview to process owners. */
  formsDir?: string;
  /** Directory of the BPMN diagrams whose clause citations make the clause table (read on each request). */
  processesDir?: string;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  sessionTtlMs: number;
  /** How long the monitoring page reuses the list of deployed processes (deployments from the web app clear it). */
  processListTtlMs: number;
  /** Failed login attempts allowed per client address and, separately, per account within the window. */
  loginLimit: { windowMs: number; limit: number };
  /** express `trust proxy`: which reverse proxies may name the client (WEB_TRUST_PROXY). */
  trustProxy: boolean | number | string;
  /** Largest evidence file accepted. */
  maxUploadBytes: number;
  /** Where uploads are written while they arrive (a folder on the archive's file system, so they move in at once). */
  uploadTempDir?: string;
}

/** "Now" as the web app reads it; an engine clock is brought up to date before each request. */
export type Clock = (() => Date) & Partial<Pick<SystemClock, 'sync'>>;

export interface WebDeps {
  camunda: CamundaPort;
  store: WebStore;
  logger: Logger;
  config: WebConfig;
  /** The engine's time (src/camunda/engine-clock) for due colours, dashboards and dates entered; tests pin it. */
  now: Clock;
  /** Technical time for caches (the wall clock by default): a pinned engine clock must not keep them fresh forever. */
  wallClock?: () => Date;
}

export const defaultWebConfig = (assetsDir: string): WebConfig => ({
  assetsDir,
  secureCookies: false,
  sessionTtlMs: 8 * 60 * 60 * 1000,
  processListTtlMs: 5_000,
  loginLimit: { windowMs: 15 * 60 * 1000, limit: 20 },
  trustProxy: 'loopback',
  maxUploadBytes: 50 * 1024 * 1024,
});
