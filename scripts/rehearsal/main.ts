// `npm run rehearse [-- --short]`: a whole two-year cycle of the demo district played on the embedded engine with a
// moved clock, through the public APIs only (REST /v2 and the web app's routes). The last line is the verdict; the
// exit status is 0 only when every unit was inspected, every problem closed, no incident, no submission lost and
// no inbox got more than 20 messages on one day.
import { Actors } from './actors';
import { checkCompliance } from './compliance-check';
import { addDays, chinaDay, daysBetween, morningOf } from './calendar';
import { EngineApi } from './engine-api';
import { Player } from './player';
import { Reporter } from './reports';
import { CHOICES, FULL_CHOICES, Scenario } from './scenario';
import { startSystem } from './system';
import { parseCsv, Tally } from './tally';

const short = process.argv.includes('--short');
/** `--budget <minutes>`: stop playing after so much wall time and give the verdict on what was played. */
const budgetArg = process.argv.indexOf('--budget');
const BUDGET_MS = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) * 60_000 : Number.POSITIVE_INFINITY;
const START = '2026-12-07';
const CYCLE_START = '2026-11-12';
/** The full run plays the 2027 and 2028 plans, then lets the last cases close. */
const LAST_DAY = short ? '2027-12-31' : '2029-06-30';
const CYCLE_END = '2028-12-31';
const CITY_DAYS = short ? ['2027-01-04', '2027-01-18'] : ['2027-04-12', '2027-09-13', '2028-05-08'];
const NEXT_PLAN_DAY = short ? null : '2027-10-11';
/** The full run's 专项巡查, started by the office after the 2027 rounds. */
const SPECIAL_DAY = short ? null : '2027-10-25';
const MAX_PER_DAY = 20;
const wantedChoices: readonly string[] = short ? CHOICES : [...CHOICES, ...FULL_CHOICES];

const log = (line: string) => console.log(line);

async function settle(engine: EngineApi): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 600 && quiet < 2; i++) {
    quiet = (await engine.pendingJobs()) === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, quiet ? 40 : 100));
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const system = await startSystem({ cycleStart: CYCLE_START });
  // stopped from outside: the system goes with the rehearsal
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void system.stop().finally(() => process.exit(130)));
  const engine = new EngineApi(system.restUrl, system.managementUrl);
  const actors = new Actors(system.webUrl);
  const scenario = new Scenario(!short, CYCLE_START);
  const tally = new Tally();
  const player = new Player(engine, actors, scenario, tally, { cycleStart: CYCLE_START, short }, log);
  const reporter = new Reporter(engine, actors, scenario, tally, log);
  const inboxLogins = new Set<string>(['anweiban', 'anweiban2', 'anweihui', 'zuzhang1', 'zuzhang2', 'zuzhang3', 'fuzuzhang1', 'fuzuzhang2', 'fuzuzhang3']);
  try {
    let day = START;
    await engine.setClock(morningOf(day));
    let verified = 0;
    let lastInboxRead = day;
    let lastProgressLine = day;
    const busyInboxes = new Set<string>();
    let step = 1;
    for (; day <= LAST_DAY; day = addDays(day, step)) {
      await engine.setClock(morningOf(day));
      await settle(engine);
      let activity = 0;
      for (let pass = 0; pass < 20; pass++) {
        const sent = await reporter.sendToday(day, { cityDays: CITY_DAYS, nextPlanDay: NEXT_PLAN_DAY, specialDay: SPECIAL_DAY });
        await settle(engine);
        const worked = await player.workTasks(day);
        await settle(engine);
        activity += sent + worked;
        if (!sent && !worked) break;
      }
      await tally.verify(engine, verified);
      verified = tally.submissions.length;
      // every inbox each week, the busy ones (more than 30 new messages at the last look) every day
      const everyone = daysBetween(lastInboxRead, day) >= 7 || day >= LAST_DAY;
      if (everyone) lastInboxRead = day;
      for (const u of player.planUnits) inboxLogins.add(`danwei-${u}`);
      for (const login of new Set([...inboxLogins, ...actors.signedIn()])) {
        if (!everyone && !busyInboxes.has(login)) continue;
        const client = await actors.as(login).catch(() => null);
        if (!client) continue;
        if (tally.countInbox(login, await client.inbox()) > 30) busyInboxes.add(login);
        else busyInboxes.delete(login);
      }
      if (everyone && daysBetween(lastProgressLine, day) >= 14) {
        lastProgressLine = day;
        log(`${day}: ${tally.submissions.length} submissions, ${scenario.played.size}/${wantedChoices.length} choices, ${Math.round((Date.now() - started) / 1000)} s`);
      }
      if (!activity && (await finished(day))) break;
      if (Date.now() - started > BUDGET_MS) {
        log(`stopped by the time budget on engine day ${day}: the verdict covers what was played so far`);
        break;
      }
      // after a quiet day the next look is some days on (the engine's timers fire on the way)
      const quiet = short ? 5 : 2;
      const fixedDays = [...CITY_DAYS, ...(NEXT_PLAN_DAY ? [NEXT_PLAN_DAY] : []), ...(SPECIAL_DAY ? [SPECIAL_DAY] : [])];
      step = !activity && !fixedDays.some((d) => d > day && d <= addDays(day, quiet)) ? quiet : 1;
    }
    return await verdict(day);
  } finally {
    await system.stop();
  }

  async function finished(day: string): Promise<boolean> {
    if (day < (short ? addDays(START, 30) : CYCLE_END)) return false;
    if (short && !wantedChoices.every((c) => scenario.played.has(c))) return false;
    const { closed, problems } = await problemCounts();
    const open = await engine.processInstances({ processDefinitionId: { $in: short ? ['problem-case', 'rectification-case'] : ['unit-inspection', 'problem-case', 'rectification-case'] }, state: 'ACTIVE' });
    return closed === problems && open.length === 0;
  }

  async function problemCounts(): Promise<{ closed: number; problems: number }> {
    const office = await actors.as('anweiban');
    const rows = parseCsv(await office.registerCsv('problems'));
    const stateKey = Object.keys(rows[0] ?? {}).find((k) => /状态/.test(k)) ?? '状态';
    return { problems: rows.length, closed: rows.filter((r) => /已销号/.test(r[stateKey] ?? '')).length };
  }

  /** What the cases still open wait for: their active elements. */
  async function explainOpenCases(): Promise<void> {
    const office = await actors.as('anweiban');
    for (const row of parseCsv(await office.registerCsv('problems')).filter((r) => !Object.values(r).some((v) => /已销号/.test(v)))) {
      log(`open problem: ${Object.values(row).slice(0, 6).join(' | ')}`);
    }
    const open = await engine.processInstances({ processDefinitionId: { $in: ['problem-case', 'rectification-case', 'rectification', 'listed-supervision', 'problem-handover', 'problem-disposal', 'hazard-acceptance', 'escalation-ladder'] }, state: 'ACTIVE' });
    for (const p of open) {
      const active = await engine.elementInstances({ processInstanceKey: p.processInstanceKey, state: 'ACTIVE' });
      log(`open ${p.processDefinitionId} ${p.processInstanceKey}: ${active.map((e) => e.elementId).join(', ')}`);
    }
  }

  async function verdict(lastDay: string): Promise<number> {
    // the units whose inspection ended; the short run counts the units of its one round
    const unitsDone = new Set<string>();
    const roundOne = new Set<string>();
    for (const p of await engine.processInstances({ processDefinitionId: 'unit-inspection' })) {
      const [code, round] = [await player.variable(p.processInstanceKey, 'unitCode'), await player.variable(p.processInstanceKey, 'roundNo')];
      if (typeof code !== 'string') continue;
      if (p.state === 'COMPLETED') unitsDone.add(code);
      if (round === 1) roundOne.add(code);
    }
    const wanted = short ? [...roundOne] : player.planUnits;
    const inspected = wanted.filter((u) => unitsDone.has(u)).length;
    const { closed, problems } = await problemCounts();
    const incidents = await engine.incidents();
    const { max, where } = tally.maxPerInboxDay();
    for (const login of tally.overflowed) log(`inbox of ${login}: more than 200 messages between two looks, its count is a lower bound`);
    for (const i of incidents) log(`incident: ${i.processDefinitionId}/${i.elementId} ${i.errorType}: ${i.errorMessage}`);
    for (const l of tally.lost) log(`lost: ${l.kind} ${l.detail}`);
    for (const p of player.problems) log(`found: ${p}`);
    if (closed < problems) await explainOpenCases();
    const kinds = new Map<string, number>();
    for (const sub of tally.submissions) kinds.set(sub.kind, (kinds.get(sub.kind) ?? 0) + 1);
    log(`submissions: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k.replace(/^(task|report) /, '')} ${n}`).join(', ')}`);
    const missing = wantedChoices.filter((c) => !scenario.played.has(c));
    if (missing.length) log(`choices not played: ${missing.join(', ')}`);
    log(`played ${START} – ${lastDay} (engine time) in ${Math.round((Date.now() - started) / 1000)} s; busiest inbox: ${where || '—'}; engine time now ${chinaDay(await engine.now())}`);
    const compliance = await checkCompliance(await actors.as('anweiban'), tally, scenario);
    log(`条款落实情况: ${compliance.summary}`);
    for (const m of compliance.mismatches) log(`compliance figures disagree with the rehearsal: ${m}`);
    const ok = !tally.overflowed.size && inspected === wanted.length && wanted.length > 0 && closed === problems && incidents.length === 0 && tally.lost.length === 0 && max <= MAX_PER_DAY && !missing.length
      && !compliance.mismatches.length;
    log(`rehearsal: units ${inspected}/${wanted.length} inspected, problems ${closed}/${problems} closed, incidents ${incidents.length}, lost submissions ${tally.lost.length}, max messages per inbox per day ${max}`);
    return ok ? 0 : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // no verdict line: the rehearsal itself failed, nothing was measured
    console.error(`rehearsal failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(2);
  },
);
