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
  /** Login attempts allowed per client address within the window. */
  loginLimit: { windowMs: number; limit: number };
}

export interface WebDeps {
  camunda: CamundaPort;
  store: WebStore;
  logger: Logger;
  config: WebConfig;
  /** Time source for due-date colours and dashboards; pinned in tests. */
  now?: () => Date;
}

export const defaultWebConfig = (assetsDir: string): WebConfig => ({
  assetsDir,
  secureCookies: false,
  sessionTtlMs: 8 * 60 * 60 * 1000,
  processListTtlMs: 5_000,
  loginLimit: { windowMs: 15 * 60 * 1000, limit: 20 },
});
