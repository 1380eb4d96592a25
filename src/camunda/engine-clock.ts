import { type Config } from '../config';
import { componentLogger } from '../logging';

/**
 * The system's one clock: the engine's time. Workers, the domain store and the web app read "now" from it, so a
 * clock moved on the engine (PUT /v2/clock, /actuator/clock) moves deadlines, 文号 years, document and register
 * dates and due colours with it. Reading it is synchronous and cheap: it keeps the difference between the
 * engine's time and this machine's, refreshed at most every `refreshMs`.
 */
export interface SystemClock {
  (): Date;
  /** Refreshes the reading when it is older than the refresh interval; never rejects (wall clock on failure). */
  sync(): Promise<void>;
  /** Takes the engine's time from something the engine stamped just now (a job's activation time). */
  observe(engineEpochMs: number): void;
}

/** One reading of the engine's time in epoch ms, or undefined when the engine does not tell it. */
export type EngineTimeSource = () => Promise<number | undefined>;

export interface EngineClockOptions {
  /** How long a reading is trusted. */
  refreshMs?: number;
  /** How long to wait before asking again when the engine did not tell its time. */
  retryMs?: number;
  /** This machine's clock (tests pass their own). */
  wall?: () => number;
}

export function engineClock(source: EngineTimeSource, options: EngineClockOptions = {}): SystemClock {
  const log = componentLogger('clock');
  const refreshMs = options.refreshMs ?? 1_000;
  const retryMs = options.retryMs ?? 30_000;
  const wall = options.wall ?? Date.now;
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  let available: boolean | undefined;
  let pending: Promise<void> | undefined;

  const stale = () => wall() - readAt >= (available === false ? retryMs : refreshMs);
  const refresh = (): Promise<void> => {
    pending ??= (async () => {
      const before = wall();
      const engineMs = await source().catch(() => undefined);
      const after = wall();
      const nowAvailable = engineMs !== undefined;
      // the engine read its clock somewhere between sending and answering: take the middle
      offset = nowAvailable ? engineMs - Math.round((before + after) / 2) : 0;
      readAt = after;
      if (nowAvailable !== available) {
        if (nowAvailable) log.info({ offsetMs: offset }, "reading the engine's clock");
        else log.warn("the engine does not tell its time (clock not controlled or management port unreachable): using this machine's clock");
      }
      available = nowAvailable;
    })().finally(() => { pending = undefined; });
    return pending;
  };

  const clock = (() => {
    if (stale()) void refresh();
    return new Date(wall() + offset);
  }) as SystemClock;
  clock.sync = () => {
    if (!stale()) return Promise.resolve();
    // an engine that did not tell its time last time is asked in the background: no request waits for its time-out
    if (available === false) {
      void refresh();
      return Promise.resolve();
    }
    return refresh();
  };
  clock.observe = (engineEpochMs) => {
    if (!Number.isFinite(engineEpochMs)) return;
    offset = engineEpochMs - wall();
    readAt = wall();
    available = true;
  };
  return clock;
}

/** The address of Camunda's management API (`/actuator`): CAMUNDA_MANAGEMENT_ADDRESS, else port 9600 of the REST host. */
export function managementAddress(config: Config): string {
  if (config.CAMUNDA_MANAGEMENT_ADDRESS) return config.CAMUNDA_MANAGEMENT_ADDRESS.replace(/\/+$/, '');
  const rest = new URL(config.ZEEBE_REST_ADDRESS);
  return `${rest.protocol}//${rest.hostname}:9600`; // an IPv6 hostname keeps its brackets
}

/**
 * The engine's time from `GET /actuator/clock` (`{ epochMilli }`), which Camunda 8.8 serves when its clock is
 * controlled (ZEEBE_CLOCK_CONTROLLED=true) and the embedded engine always serves. Anything else (404, refused,
 * no answer within two seconds) means "not told", and the system runs on this machine's clock.
 */
export function actuatorTimeSource(config: Config): EngineTimeSource {
  const url = `${managementAddress(config)}/actuator/clock`;
  const headers: Record<string, string> = {};
  if (config.CAMUNDA_AUTH_STRATEGY === 'BASIC' && config.CAMUNDA_BASIC_AUTH_USERNAME) {
    const pair = `${config.CAMUNDA_BASIC_AUTH_USERNAME}:${config.CAMUNDA_BASIC_AUTH_PASSWORD ?? ''}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else if (config.CAMUNDA_AUTH_STRATEGY === 'BEARER' && config.CAMUNDA_OAUTH_TOKEN) {
    headers.authorization = `Bearer ${config.CAMUNDA_OAUTH_TOKEN}`;
  }
  return async () => {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { epochMilli?: unknown };
    return typeof body.epochMilli === 'number' && Number.isFinite(body.epochMilli) ? body.epochMilli : undefined;
  };
}

/** The clock of the engine named in the configuration. */
export function clockFromConfig(config: Config, options?: EngineClockOptions): SystemClock {
  return engineClock(actuatorTimeSource(config), options);
}

/** A clock read straight from an engine in the same process (`npm start`): nothing to cache or refresh. */
export function directClock(engineNow: () => number): SystemClock {
  const clock = (() => new Date(engineNow())) as SystemClock;
  clock.sync = () => Promise.resolve();
  clock.observe = () => undefined;
  return clock;
}
