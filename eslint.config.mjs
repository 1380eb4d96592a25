import js from '@eslint/js';
import nodePlugin from 'eslint-plugin-n';
import tseslint from 'typescript-eslint';

/** Import patterns for the architecture boundaries (docs/architecture.md, rule zero). */
export const boundaries = {
  engineMustNotImport: ['**/web', '**/web/**', '**/domain', '**/domain/**', '**/db', '**/db/**', '**/workers', '**/workers/**'],
  othersMustNotImport: ['**/engine', '**/engine/**'],
  /** The gateways (src/gateway) from anywhere below src: a relative path that climbs to src and enters gateway/. */
  gatewayFromOutside: '^(\\.\\./)+gateway(/|$)',
  /** From the gateways, anything of the engine but its API (`engine`, `engine/api`). */
  engineInternals: '(^|/)engine/(?!api(/|$))',
  workersMustNotImport: ['**/web', '**/web/**'],
};

const restrict = (patterns, message, more = []) => [
  'error',
  { patterns: [{ group: patterns, message }, ...more] },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', '.build-*/**', 'backups/**', 'coverage/**', 'test-artifacts/**', 'test/fixtures/**', 'src/web/public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    // Every package the code imports (types too) is declared in package.json, never reached through another's.
    files: ['src/**/*.{ts,js,mjs,cjs}', 'workers/**/*.{ts,js,mjs,cjs}', 'scripts/**/*.{ts,js,mjs,cjs}', 'bench/**/*.{ts,js,mjs,cjs}', 'test/**/*.{ts,js,mjs,cjs}'],
    plugins: { n: nodePlugin },
    settings: { n: { tryExtensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] } },
    rules: { 'n/no-extraneous-import': 'error', 'n/no-extraneous-require': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        boundaries.engineMustNotImport,
        'The embedded engine stands alone: it must not import the web app, the domain, the domain store or the workers.',
        [{ regex: boundaries.gatewayFromOutside, message: 'The embedded engine stands alone: it must not import the gateways.' }],
      ),
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/domain/**/*.ts', 'src/db/**/*.ts', 'workers/**/*.ts', 'src/camunda/**/*.ts', 'src/reports/**/*.ts', 'src/config/**/*.ts', 'src/logging/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        boundaries.othersMustNotImport,
        'Talk to the engine through the public Camunda APIs (@camunda8/sdk), never by importing src/engine.',
        [{ regex: boundaries.gatewayFromOutside, message: 'Talk to the engine through the public Camunda APIs (@camunda8/sdk), never by importing src/gateway.' }],
      ),
    },
  },
  {
    files: ['src/gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        boundaries.engineMustNotImport,
        'The gateways translate wire calls to the engine: they must not import the web app, the domain, the domain store or the workers.',
        [
          { regex: boundaries.engineInternals, message: "The gateways use only the engine's API (src/engine, src/engine/api), never its internals." },
          { group: ['better-sqlite3'], message: "The gateways hold no SQL: they read through the engine's read model (Engine.readModel())." },
        ],
      ),
    },
  },
  {
    // Repeats the rule above for the workers, with the web app added: a rule set later replaces an earlier one.
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: boundaries.othersMustNotImport, message: 'Talk to the engine through the public Camunda APIs (@camunda8/sdk), never by importing src/engine.' },
          { group: boundaries.workersMustNotImport, message: 'The workers run without the web app: share code through src/domain, src/db, src/camunda or src/reports, never by importing src/web.' },
          { regex: boundaries.gatewayFromOutside, message: 'Talk to the engine through the public Camunda APIs (@camunda8/sdk), never by importing src/gateway.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['src/main/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
