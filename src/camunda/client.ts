import { Camunda8 } from '@camunda8/sdk';
import { type Config } from '../config';

/**
 * The SDK's connection settings taken from our validated configuration, never from the SDK's own copy of
 * process.env (it copies the environment once, when first loaded). The same settings reach the embedded engine and
 * a Camunda 8.8 cluster.
 */
export function camundaSettings(config: Config) {
  return {
    ZEEBE_GRPC_ADDRESS: config.ZEEBE_GRPC_ADDRESS,
    ZEEBE_REST_ADDRESS: config.ZEEBE_REST_ADDRESS,
    CAMUNDA_AUTH_STRATEGY: config.CAMUNDA_AUTH_STRATEGY,
    CAMUNDA_BASIC_AUTH_USERNAME: config.CAMUNDA_BASIC_AUTH_USERNAME,
    CAMUNDA_BASIC_AUTH_PASSWORD: config.CAMUNDA_BASIC_AUTH_PASSWORD,
    CAMUNDA_OAUTH_TOKEN: config.CAMUNDA_OAUTH_TOKEN,
    CAMUNDA_OAUTH_URL: config.CAMUNDA_OAUTH_URL,
    ZEEBE_CLIENT_ID: config.ZEEBE_CLIENT_ID,
    ZEEBE_CLIENT_SECRET: config.ZEEBE_CLIENT_SECRET,
    ZEEBE_TOKEN_AUDIENCE: config.ZEEBE_TOKEN_AUDIENCE,
    CAMUNDA_TENANT_ID: config.CAMUNDA_TENANT_ID,
  } as const;
}

export function createCamunda(config: Config): Camunda8 {
  // Unset settings are left out, so the SDK keeps its own defaults for them.
  const settings = Object.fromEntries(Object.entries(camundaSettings(config)).filter(([, v]) => v !== undefined));
  return new Camunda8(settings);
}
