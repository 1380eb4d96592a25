// One jest project per test folder, so each kind of test can run alone: `npx jest --selectProjects engine`.
// ESM-only dependencies (bpmn.io, feelin, lezer …) are transformed to CommonJS by swc like our own sources.
const esmPackages = [
  'bpmn-moddle', 'zeebe-bpmn-moddle', 'dmn-moddle', 'moddle', 'moddle-xml', 'min-dash', 'saxen', 'feelin',
  '@lezer', 'lezer-feel', '@bpmn-io', 'bpmnlint', 'bpmnlint-plugin-camunda-compat', 'chinese-days', 'nanoid',
  'temporal-polyfill', 'temporal-utils',
  // its dynamic import() of fs (deployResourcesFromFiles) needs transforming to require under jest
  '@camunda8/orchestration-cluster-api',
];

const transform = {
  '^.+\\.(t|j|mj|cj)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
};

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  ...extra,
});

// Projects whose tests use PostgreSQL get the cluster started once, before their first test file (test/global-setup.ts).
const sharedServices = { globalSetup: '<rootDir>/test/global-setup.ts', globalTeardown: '<rootDir>/test/global-teardown.ts' };
const usesPostgres = new Set(['db', 'workers']);

module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: ['unit', 'engine', 'contract', 'db', 'workers', 'processes', 'web', 'e2e', 'faults'].map((name) =>
    project(name, usesPostgres.has(name) ? sharedServices : {})),
};
