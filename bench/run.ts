// `npm run bench [-- B1 B3 …] [--seconds N] [--scale F] [--faults]`: runs the named scenarios (all benchmarks by default;
// --faults adds F1, the engine killed during B5), prints their figures and saves them with machine information under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLogging } from '../src/logging';
import { b1 } from './scenarios/b1-straight-through';
import { b2 } from './scenarios/b2-push-latency';
import { b3 } from './scenarios/b3-durability';
import { b4 } from './scenarios/b4-many-waiting';
import { b5 } from './scenarios/b5-inspection-procedure';
import { b6 } from './scenarios/b6-bpmn-engine';
import { b7 } from './scenarios/b7-web-load';
import { b8 } from './scenarios/b8-refused-command';
import { b9 } from './scenarios/b9-plan-assistant';
import { b10 } from './scenarios/b10-footprint';
import { engineKill } from './faults/engine-kill';
import type { Scenario } from './types';

const scenarios: Scenario[] = [b1, b2, b3, b4, b5, b6, b7, b8, b9, b10];

function parseArgs(argv: string[]) {
  const names: string[] = [];
  let seconds = 10;
  let scale = 1;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--faults') names.push(engineKill.name);
    else if (argv[i] === '--seconds') seconds = Number(argv[++i]);
    else if (argv[i] === '--scale') scale = Number(argv[++i]);
    else names.push(argv[i].toUpperCase());
  }
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds takes a positive number');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error('--scale takes a positive number');
  const all = [...scenarios, engineKill];
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  return { selected: names.length ? all.filter((s) => names.includes(s.name)) : scenarios, seconds, scale };
}

function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    /** 1, 5 and 15-minute load averages when the run ended: other work sharing the cores. */
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function main() {
  configureLogging('warn', false);
  const { selected, seconds, scale } = parseArgs(process.argv.slice(2));
  const results: Record<string, unknown> = {};
  for (const scenario of selected) {
    console.log(`\n${scenario.name} — ${scenario.title}`);
    const figures = await scenario.run({ seconds, scale });
    results[scenario.name] = figures;
    console.log(JSON.stringify(figures, null, 2));
  }
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine: machine(), seconds, scale, results }, null, 2));
  console.log(`\nsaved ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
