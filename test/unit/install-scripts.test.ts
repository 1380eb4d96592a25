import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// @carbon/grid and @carbon/layout (pulled in by @bpmn-io/form-js-viewer) run IBM's telemetry collector as their
// postinstall, which reports to an outside host from a detached background process.
const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  allowScripts: Record<string, boolean>;
  overrides: Record<string, string>;
};
const carbonPackages = ['@carbon/grid', '@carbon/layout'];

describe('installing the project reports to no outside host', () => {
  it('denies the postinstall of the carbon packages (npm 11.16 and later skip denied scripts)', () => {
    for (const name of carbonPackages) expect(manifest.allowScripts[name]).toBe(false);
  });

  it.each(carbonPackages)('gives %s the stand-in collector, which older npm versions run instead', (name) => {
    // the collector as the postinstall of the package resolves it
    const fromPackage = dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
    const collector = JSON.parse(
      readFileSync(require.resolve('@ibm/telemetry-js/package.json', { paths: [fromPackage] }), 'utf8'),
    ) as { version: string; bin: Record<string, string> };
    expect(collector.version).toBe('0.0.0-disabled');
    expect(manifest.overrides['@ibm/telemetry-js']).toBe('$@ibm/telemetry-js');
  });

  it('runs the stand-in as the postinstall does, on a CI machine, and it does nothing', () => {
    // given the environment in which IBM's collector would start its background process (CI=true)
    const grid = dirname(require.resolve('@carbon/grid/package.json', { paths: [root] }));
    // and the command on the PATH is the stand-in: never start the real collector from an older install
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/@ibm/telemetry-js/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe('0.0.0-disabled');
    // when the postinstall's command line runs from the package's folder
    const output = execFileSync(join(root, 'node_modules/.bin/ibmtelemetry'), ['--config=telemetry.yml'], {
      cwd: grid,
      env: { ...process.env, CI: 'true' },
      encoding: 'utf8',
    });
    // then it prints nothing (the real collector announces its log file before it spawns)
    expect(output).toBe('');
  });
});
