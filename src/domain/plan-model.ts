import { addDays, dueDate, type DateOnly, type WorkCalendar } from './calendar';
import { cycleYears, packedRounds, roundWindows, type RoundWindow } from './plan-rounds';
import { SEED_PLAN_RULES, type PlanRules } from './plan';
import { SEED_TEAM_RULES, type Inspector, type TeamProposal, type TeamRules } from './teams';

/**
 * The plan assistant's mixed-integer model of a cycle's schedule (一（二）every unit once in two years, ≥ two weeks on
 * site; 二（一）2–3 teams of 6–8 with 组长, 副组长 and experts; 二（三）members fixed in the cycle; 三（三）1 training
 * before each round; 三（三）3 the report within 15 days). Rounds are slots on calendar windows packed from the start
 * of each year; the solver decides which slots are used, which unit goes to which round and team, and who is in each
 * team. Written in the CPLEX LP format that HiGHS reads.
 */
export interface AssistantUnit {
  code: string;
  name: string;
  /** Date the unit was last inspected (any cycle), or null when never: the longest-waiting go first. */
  lastInspected: DateOnly | null;
}

export interface AssistantRules extends PlanRules, TeamRules {
  /** Working days on site per unit besides the 14 calendar days (two working weeks). */
  minOnsiteWorkingDays: number;
  /** A team works at most this many units at once (split in two, one led by the 组长, one by the 副组长). */
  unitsPerTeamPerRound: number;
  /** Days after the end of on-site work for the report (三（三）3); the team's next training comes after it. */
  reportDays: number;
  /** Rounds one annual plan may hold (the plan form's limit). */
  maxRoundsPerYear: number;
}

export const SEED_ASSISTANT_RULES: AssistantRules = {
  ...SEED_PLAN_RULES, ...SEED_TEAM_RULES, minOnsiteWorkingDays: 10, unitsPerTeamPerRound: 2, reportDays: 15, maxRoundsPerYear: 12,
};

export interface AssistantInput {
  /** The plan year; the schedule covers it and the cycle's later years. */
  year: number;
  cycle: { start: DateOnly; end: DateOnly };
  /** Units still to inspect in the cycle. */
  units: AssistantUnit[];
  /** Units already inspected in the cycle (they count towards coverage). */
  inspectedInCycle: string[];
  /** Who may serve in a team (the roster of inspectors and the experts). */
  people: Inspector[];
  /** Recusals besides the home unit (a relative works there, a case pending…). */
  recusals: { personId: string; unitCode: string }[];
  /**
   * Rounds already decided (the approved annual plan, when the office proposes its teams): the schedule keeps their
   * dates and units and the solver only forms the teams and gives each unit its team.
   */
  fixedRounds?: { year: number; start: DateOnly; end: DateOnly; units: string[] }[];
  /** Teams approved earlier in the cycle: their members stay (二（三）). */
  approvedTeams?: TeamProposal[];
  calendar: WorkCalendar;
  /** No training before this day (today, or the plan's approval). */
  earliestTraining: DateOnly;
  rules: AssistantRules;
}

export interface ModelOptions {
  /**
   * Elastic: a unit may stay unscheduled and a team may keep a member of the unit it inspects, each at a high cost.
   * Solved only when the strict model has no solution, to name the units and rules that block it.
   */
  elastic: boolean;
}

/** A possible round of the schedule: used or not, at its packed window. */
export type Slot = RoundWindow;

export interface PlanModel {
  lp: string;
  slots: Slot[];
  teamCount: number;
  /** Variable names, so the solution can be read back. */
  names: {
    assign(u: number, k: number, t: number): string;
    slotUsed(k: number): string;
    teamUsed(t: number): string;
    member(p: number, t: number): string;
    leader(p: number, t: number): string;
    deputy(p: number, t: number): string;
    expert(p: number, t: number): string;
    unscheduled(u: number): string;
    conflict(u: number, t: number): string;
  };
}

/** Elastic model: only the relaxations cost, an unscheduled unit more than a kept conflict. */
const UNSCHEDULED_COST = 10;

/** Builds the LP text of the model. */
export function buildPlanModel(input: AssistantInput, options: ModelOptions): PlanModel {
  const { rules, units, people } = input;
  const approved = input.approvedTeams ?? [];
  const teamCount = approved.length > 0 ? approved.length : rules.maxTeams;
  const T = [...Array(teamCount).keys()];
  const P = [...people.keys()];
  const years = cycleYears(input);
  const slots: Slot[] = [];
  // A year needs no more rounds than its share of units takes with the fewest teams allowed.
  const share = Math.ceil(units.length / Math.max(1, years.length));
  const fewest = approved.length > 0 ? approved.length : rules.minTeams;
  for (const y of input.fixedRounds ? [] : years) {
    const packed = packedRounds(roundWindows(input.calendar, y.year, y.from, y.to, rules));
    slots.push(...packed.slice(0, Math.min(rules.maxRoundsPerYear, Math.ceil(share / (fewest * rules.unitsPerTeamPerRound)))));
  }
  for (const r of input.fixedRounds ?? []) {
    let training = addDays(r.start, -1);
    while (!input.calendar.isWorkingDay(training)) training = addDays(training, -1);
    slots.push({ year: r.year, training, start: r.start, end: r.end, reportDue: dueDate(input.calendar, 'calendar-days', r.end, rules.reportDays) });
  }
  const K = [...slots.keys()];
  const U = [...units.keys()];

  const names = {
    assign: (u: number, k: number, t: number) => `x_${u}_${k}_${t}`,
    slotUsed: (k: number) => `s_${k}`,
    teamUsed: (t: number) => `g_${t}`,
    member: (p: number, t: number) => `m_${p}_${t}`,
    leader: (p: number, t: number) => `l_${p}_${t}`,
    deputy: (p: number, t: number) => `d_${p}_${t}`,
    expert: (p: number, t: number) => `e_${p}_${t}`,
    unscheduled: (u: number) => `q_${u}`,
    conflict: (u: number, t: number) => `r_${u}_${t}`,
  };
  const binaries: string[] = [];
  const rows: string[] = [];
  const objective: string[] = [];
  const bin = (name: string) => (binaries.push(name), name);
  // a rule over no variables at all (no slot in a year, say) still has to hold: it is written over `none`, fixed at 0
  const row = (terms: string[], sense: '<=' | '>=' | '=', rhs: number) => {
    rows.push(` c${rows.length}: ${terms.length > 0 ? chunk(terms) : 'none'} ${sense} ${rhs}`);
  };

  // Longest-waiting units first: a weight by rank of the last inspection date (never inspected = oldest).
  const dates = [...new Set(units.map((u) => u.lastInspected ?? ''))].sort();
  const weight = new Map(U.map((u) => [u, dates.length - dates.indexOf(units[u]!.lastInspected ?? '')]));

  // x: unit u in round k by team t. Each unit exactly once (or unscheduled, elastic).
  for (const u of U) {
    const terms = K.flatMap((k) => T.map((t) => `${coef(1)}${bin(names.assign(u, k, t))}`));
    if (options.elastic) {
      terms.push(bin(names.unscheduled(u)));
      objective.push(`${UNSCHEDULED_COST} ${names.unscheduled(u)}`);
    } else {
      for (const k of K) for (const t of T) objective.push(`${weight.get(u)! * (k + 1)} ${names.assign(u, k, t)}`);
    }
    row(terms, '=', 1);
  }

  if (input.fixedRounds) {
    for (const u of U) {
      for (const k of K.filter((k) => !input.fixedRounds![k]!.units.includes(units[u]!.code))) row(T.map((t) => names.assign(u, k, t)), '=', 0);
    }
  }

  // Rounds: the slots of a year are used in order; across years, a round trains only after the last report is due.
  for (const k of K) {
    bin(names.slotUsed(k));
    for (const t of T) row([...U.map((u) => names.assign(u, k, t)), `- ${rules.unitsPerTeamPerRound} ${names.slotUsed(k)}`], '<=', 0);
    if (k > 0 && slots[k - 1]!.year === slots[k]!.year && !input.fixedRounds) row([names.slotUsed(k - 1), `- ${names.slotUsed(k)}`], '>=', 0);
    for (const j of K.filter((j) => !input.fixedRounds && slots[j]!.year < slots[k]!.year && slots[k]!.training <= slots[j]!.reportDue)) {
      row([names.slotUsed(j), names.slotUsed(k)], '<=', 1);
    }
  }

  // Each remaining year of the cycle takes its share of the units, so no year is left with everything.
  for (const ks of input.fixedRounds ? [] : years.map((y) => K.filter((k) => slots[k]!.year === y.year))) {
    const terms = U.flatMap((u) => ks.flatMap((k) => T.map((t) => names.assign(u, k, t))));
    row(terms, '<=', Math.ceil(units.length / years.length));
    if (!options.elastic) row(terms, '>=', Math.floor(units.length / years.length));
  }

  // Teams: 2–3 used, in order; sizes, one 组长, one 副组长, experts; one team per person.
  for (const t of T) {
    bin(names.teamUsed(t));
    if (t > 0) row([names.teamUsed(t - 1), `- ${names.teamUsed(t)}`], '>=', 0);
    for (const k of K) row([...U.map((u) => names.assign(u, k, t)), `- ${rules.unitsPerTeamPerRound} ${names.teamUsed(t)}`], '<=', 0);
    const member = P.map((p) => bin(names.member(p, t)));
    row([...member, `- ${rules.maxSize} ${names.teamUsed(t)}`], '<=', 0);
    row([...member, `- ${rules.minSize} ${names.teamUsed(t)}`], '>=', 0);
    const leaders = P.filter((p) => qualifies(people[p]!, rules.leaderRank, rules.leaderMinYears));
    const deputies = P.filter((p) => qualifies(people[p]!, rules.leaderRank, rules.deputyMinYears));
    const experts = P.filter((p) => people[p]!.expert);
    row([...leaders.map((p) => bin(names.leader(p, t))), `- ${names.teamUsed(t)}`], '=', 0);
    // Teams are interchangeable: order them by their 组长's place in the roster (fewer equivalent solutions to search).
    if (t > 0 && approved.length === 0) {
      row([...leaders.map((p) => `${coef(p + 1)}${names.leader(p, t)}`), ...leaders.map((p) => `- ${p + 1} ${names.leader(p, t - 1)}`),
        `- ${P.length + 1} ${names.teamUsed(t)}`], '>=', -P.length);
    }
    row([...deputies.map((p) => bin(names.deputy(p, t))), `- ${names.teamUsed(t)}`], '=', 0);
    row([...experts.map((p) => bin(names.expert(p, t))), `- ${rules.minExperts} ${names.teamUsed(t)}`], '>=', 0);
    for (const p of P) {
      const roles = [leaders.includes(p) ? names.leader(p, t) : '', deputies.includes(p) ? names.deputy(p, t) : '',
        experts.includes(p) ? names.expert(p, t) : ''].filter(Boolean);
      if (roles.length > 0) row([...roles, `- ${names.member(p, t)}`], '<=', 0);
    }
  }
  row(T.map((t) => names.teamUsed(t)), '>=', rules.minTeams);
  row(T.map((t) => names.teamUsed(t)), '<=', rules.maxTeams);
  for (const p of P) row(T.map((t) => names.member(p, t)), '<=', 1);

  // Recusal: nobody inspects their home unit or a unit they are recused from.
  const recusedFrom = new Map<number, Set<string>>(P.map((p) => [p, new Set([people[p]!.unitCode])]));
  for (const r of input.recusals) {
    const p = people.findIndex((x) => x.id === r.personId);
    if (p >= 0) recusedFrom.get(p)!.add(r.unitCode);
  }
  for (const u of U) {
    const blocked = P.filter((p) => recusedFrom.get(p)!.has(units[u]!.code));
    for (const t of T) {
      for (const p of blocked) {
        const terms = [names.member(p, t), ...K.map((k) => names.assign(u, k, t))];
        if (options.elastic) terms.push(`- ${names.conflict(u, t)}`);
        row(terms, '<=', 1);
      }
      if (options.elastic && blocked.length > 0) {
        bin(names.conflict(u, t));
        objective.push(`1 ${names.conflict(u, t)}`);
      }
    }
  }

  // Stability in the cycle: teams approved earlier keep their 组长, 副组长, experts and members.
  approved.forEach((team, t) => {
    const index = (id: string) => people.findIndex((x) => x.id === id);
    const fix = (name: string) => row([name], '=', 1);
    fix(names.teamUsed(t));
    const ids = new Set([team.leaderId, team.deputyId, ...team.memberIds, ...team.expertIds]);
    for (const p of P) row([names.member(p, t)], '=', ids.has(people[p]!.id) ? 1 : 0);
    if (index(team.leaderId) >= 0 && qualifies(people[index(team.leaderId)]!, rules.leaderRank, rules.leaderMinYears)) fix(names.leader(index(team.leaderId), t));
    if (index(team.deputyId) >= 0 && qualifies(people[index(team.deputyId)]!, rules.leaderRank, rules.deputyMinYears)) fix(names.deputy(index(team.deputyId), t));
  });

  const lp = ['Minimize', ` obj: ${objective.length ? chunk(objective) : 'none'}`, 'Subject To', ...rows,
    'Bounds', ' none = 0', 'Binary', chunk(binaries, ' '), 'End', ''].join('\n');
  return { lp, slots, teamCount, names };
}

/** Eligible as 组长 or 副组长; experts serve as experts (the team form offers them only there). */
export function qualifies(p: Inspector, rank: string, minYears: number): boolean {
  return !p.expert && p.rank === rank && p.safetyYears >= minYears;
}

const coef = (c: number) => (c === 1 ? '+ ' : `+ ${c} `);

/** Terms joined with +, a line break every few terms (LP readers limit line length). */
function chunk(terms: string[], sep = ' + '): string {
  const parts: string[] = [];
  for (let i = 0; i < terms.length; i += 8) {
    parts.push(terms.slice(i, i + 8).map((t, j) => {
      if (sep === ' ' || (i === 0 && j === 0)) return t.replace(/^\+ /, '');
      return /^[+-] /.test(t) ? t : `+ ${t}`;
    }).join(' '));
  }
  return parts.join('\n ');
}
