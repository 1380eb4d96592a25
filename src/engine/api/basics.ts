/** Keys are int64 values carried as decimal strings everywhere; variables are JSON objects. */
export type Key = string;
export const NO_KEY: Key = '-1';
export const DEFAULT_TENANT = '<default>';

export type JsonObject = Record<string, unknown>;
