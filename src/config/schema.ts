import { z } from 'zod';
import { CutoffError, parseCutoffs } from '../domain/assessment-cutoff';

/** Accepts the usual spellings of a boolean environment variable. */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a whole number')
  .min(0, 'expected a port between 0 and 65535')
  .max(65535, 'expected a port between 0 and 65535');

/**
 * Every environment variable the project reads. The Camunda connection uses the SDK's own names, so the same
 * settings steer the embedded engine and a Camunda 8.8 cluster; everything else uses the project's names.
 */
export const configSchema = z.object({
  // Camunda connection (names as @camunda8/sdk reads them)
  ZEEBE_GRPC_ADDRESS: z
    .string()
    .regex(/^grpcs?:\/\/[^/\s]+:\d+$/, 'expected grpc://host:port (plain) or grpcs://host:port (TLS)')
    .default('grpc://127.0.0.1:26500'),
  ZEEBE_REST_ADDRESS: z.string().url('expected an http(s) URL').default('http://127.0.0.1:8080'),
  CAMUNDA_AUTH_STRATEGY: z.enum(['NONE', 'BASIC', 'OAUTH', 'BEARER']).default('NONE'),
  CAMUNDA_BASIC_AUTH_USERNAME: z.string().optional(),
  CAMUNDA_BASIC_AUTH_PASSWORD: z.string().optional(),
  CAMUNDA_OAUTH_TOKEN: z.string().optional(),
  CAMUNDA_OAUTH_URL: z.string().url('expected an http(s) URL').optional(),
  ZEEBE_CLIENT_ID: z.string().optional(),
  ZEEBE_CLIENT_SECRET: z.string().optional(),
  ZEEBE_TOKEN_AUDIENCE: z.string().optional(),
  CAMUNDA_TENANT_ID: z.string().default('<default>'),
  /** Camunda's management API, whose /actuator/clock tells the engine's time (default: port 9600 of the REST host). */
  CAMUNDA_MANAGEMENT_ADDRESS: z.string().url('expected an http(s) URL').optional(),

  // Embedded engine
  ENGINE_HOST: z.string().min(1).default('127.0.0.1'),
  ENGINE_GRPC_PORT: port.default(26500),
  ENGINE_REST_PORT: port.default(8080),
  ENGINE_MANAGEMENT_PORT: port.default(9600),
  ENGINE_DATA_DIR: z.string().min(1).default('./data/engine'),
  ENGINE_DURABILITY: z.enum(['full', 'normal', 'memory']).default('full'),
  ENGINE_CLOCK_CONTROLLED: flag.default(false),
  ENGINE_USERNAME: z.string().optional(),
  ENGINE_PASSWORD: z.string().optional(),
  ENGINE_TOKEN: z.string().optional(),

  /** How often `npm run deploy` and `npm start` try to reach the engine (pauses 1 s, 2 s, 4 s … up to 30 s). */
  DEPLOY_ATTEMPTS: z.coerce.number({ error: 'expected a number' }).int('expected a whole number').min(1, 'expected at least 1').default(10),

  // Workers
  WORKER_TRANSPORT: z.enum(['grpc-stream', 'grpc-poll', 'rest']).default('grpc-stream'),
  /** `npm run workers` answers GET /health here (engine and domain store reachable); 0 = any free port. */
  WORKERS_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  WORKERS_HEALTH_PORT: port.default(9700),
  /** First day of the first two-year coverage cycle (default: the date the seed regulation was issued). */
  INSPECTION_CYCLE_START: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').default('2021-11-12'),
  /** The assessment cut-off (考核截止日): `MM-DD` for every year and/or `YYYY-MM-DD` for one year, comma-separated. */
  ASSESSMENT_CUTOFF: z.string().default('12-31').superRefine((v, ctx) => {
    try {
      parseCutoffs(v);
    } catch (err) {
      if (!(err instanceof CutoffError)) throw err;
      ctx.addIssue({ code: 'custom', message: `expected MM-DD or YYYY-MM-DD, comma-separated (${err.message})` });
    }
  }),

  // Web app
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port.default(3000),
  /**
   * Reverse proxies trusted to name the client in X-Forwarded-For (express `trust proxy`): `false`, a number of
   * hops, or a comma-separated list of addresses, subnets and the names loopback, linklocal, uniquelocal.
   */
  WEB_TRUST_PROXY: z
    .string()
    .regex(/^(false|\d{1,2}|((loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)\s*(,\s*|$))+)$/, 'expected false, a number of hops, or addresses/subnets (e.g. loopback, 172.16.0.0/12)')
    .transform((v): boolean | number | string => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v))
    .default('loopback'),
  PUBLIC_URL: z.string().url('expected an http(s) URL').optional(),

  // Domain store
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'expected postgres://… or sqlite:<file>')
    .optional(),

  /** Where `npm run backup` puts its folders, and where pg_dump / pg_restore are (default: Debian's, else the PATH). */
  BACKUP_DIR: z.string().min(1).default('./backups'),
  PG_BIN_DIR: z.string().optional(),

  // Notifications
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: port.default(25),
  SMTP_SECURE: flag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('峄城区安委办 <ajb@yicheng.local>'),
  SMS_WEBHOOK_URL: z.string().url('expected an http(s) URL').optional(),

  // Installation: production (NODE_ENV=production) starts without demo data, with one administrator
  NODE_ENV: z.string().optional(),
  /** The first administrator's login, created at start in production when ADMIN_PASSWORD is given and none exists. */
  ADMIN_LOGIN: z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'expected 2 to 64 letters, digits, dots, dashes or underscores').default('admin'),
  ADMIN_PASSWORD: z.string().optional(),

  // Logging
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;
