import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/.bin/eslint');

/** Runs the project's ESLint on a fixture's text as if it were the project file at `asPath`. */
function lintAs(fixture: string, asPath: string): { ruleId: string; message: string }[] {
  const text = readFileSync(path.join(root, 'test/fixtures/lint', fixture), 'utf8');
  const run = spawnSync(eslintBin, ['--format', 'json', '--stdin', '--stdin-filename', asPath], {
    cwd: root,
    input: text,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
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
});
