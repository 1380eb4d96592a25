import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/.bin/eslint');

/** Runs the project's ESLint on a fixture's text as if it were the project file at `asPath`; the problems `rule` found. */
function lintAs(fixture: string, asPath: string, rule = 'no-restricted-imports'): { ruleId: string; message: string }[] {
  const text = readFileSync(path.join(root, 'test/fixtures/lint', fixture), 'utf8');
  const run = spawnSync(eslintBin, ['--format', 'json', '--stdin', '--stdin-filename', asPath], {
    cwd: root,
    input: text,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === rule);
}

describe('architecture boundaries', () => {
  it('rejects an import of the engine from the web app', () => {
    // given a web module importing src/engine / when linted
    const problems = lintAs('src/web/forbidden.ts', 'src/web/forbidden.ts');
    // then
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/public Camunda APIs/);
  });

  it('rejects an import of the domain store from the engine', () => {
    const problems = lintAs('src/engine/forbidden.ts', 'src/engine/forbidden.ts');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/engine stands alone/);
  });

  it('rejects an import of the engine from a worker', () => {
    expect(lintAs('src/web/forbidden.ts', 'workers/forbidden.ts')).toHaveLength(1);
  });

  it('rejects an import of the gateways from the engine', () => {
    const problems = lintAs('src/engine/imports-gateway.ts', 'src/engine/imports-gateway.ts');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/must not import the gateways/);
  });

  it("rejects an import of the engine's internals from a gateway, and allows its API", () => {
    // given a gateway module importing the record store and the engine API / when linted
    const problems = lintAs('src/gateway/forbidden.ts', 'src/gateway/forbidden.ts');
    // then only the internal import is refused
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/only the engine's API/);
  });

  it('rejects SQL in a gateway', () => {
    const problems = lintAs('src/gateway/sql.ts', 'src/gateway/rest/routes/sql.ts');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/hold no SQL/);
  });

  it('rejects an import of the gateways from the web app', () => {
    const problems = lintAs('src/engine/imports-gateway.ts', 'src/web/imports-gateway.ts');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/never by importing src\/gateway/);
  });

  it('allows the entry points to import the engine', () => {
    expect(lintAs('src/web/forbidden.ts', 'src/main/forbidden.ts')).toHaveLength(0);
  });

  it('rejects an import of the web app from a worker', () => {
    const problems = lintAs('workers/web-import.ts', 'workers/web-import.ts');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/workers run without the web app/);
  });
});

describe('declared dependencies', () => {
  it('rejects a type import of a package that is installed but not declared in package.json', () => {
    // given lossless-json, present in node_modules only as the SDK's dependency
    for (const where of ['src/domain/undeclared.ts', 'workers/undeclared.ts', 'scripts/undeclared.ts', 'bench/undeclared.ts', 'test/undeclared.ts']) {
      // when a module there imports it / then the lint names it
      const problems = lintAs('undeclared.ts', where, 'n/no-extraneous-import');
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(/"lossless-json" is extraneous/);
    }
  });

  it('accepts a type import of a declared package', () => {
    expect(lintAs('declared.ts', 'src/domain/declared.ts', 'n/no-extraneous-import')).toHaveLength(0);
  });
});
