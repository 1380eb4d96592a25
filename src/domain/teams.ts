/**
 * Team composition rules (seed: 2–3 teams of 6–8, one 组长 and one 副组长 of 科级 rank familiar with or working
 * in safety supervision; experts; members detached from home units) plus recusal and stability in a cycle.
 * Returns every problem as a Chinese sentence so the proposal can go back with the reasons.
 */
export interface TeamProposal {
  name: string;
  leaderId: string;
  deputyId: string;
  memberIds: string[];
  expertIds: string[];
  unitCodes: string[];
}

export interface Inspector {
  id: string;
  name: string;
  unitCode: string;
  rank: string | null;
  expert: boolean;
  safetyYears: number;
}

export interface TeamRules {
  minTeams: number;
  maxTeams: number;
  minSize: number;
  maxSize: number;
  leaderRank: string;
  leaderMinYears: number;
  deputyMinYears: number;
  minExperts: number;
}

export const SEED_TEAM_RULES: TeamRules = {
  minTeams: 2, maxTeams: 3, minSize: 6, maxSize: 8, leaderRank: '科级', leaderMinYears: 2, deputyMinYears: 1, minExperts: 1,
};

export function teamMembers(t: TeamProposal): string[] {
  return [...new Set([t.leaderId, t.deputyId, ...t.memberIds, ...t.expertIds])];
}

export function checkTeams(teams: TeamProposal[], people: Map<string, Inspector>, options: {
  rules?: TeamRules;
  /** The composition approved earlier in the same cycle, by team name. */
  approved?: TeamProposal[];
  unitNames?: Map<string, string>;
  /** The office declared an adjustment (二（三）): changes to the approved teams are reported, not refused. */
  adjustment?: boolean;
  /** Recusals besides the home unit (the domain store's 回避 register). */
  recusals?: Array<{ personId: string; unitCode: string; reason?: string }>;
} = {}): string[] {
  const rules = options.rules ?? SEED_TEAM_RULES;
  const unitName = (code: string) => options.unitNames?.get(code) ?? code;
  const problems: string[] = [];
  if (teams.length < rules.minTeams || teams.length > rules.maxTeams) {
    problems.push(`巡查组数量应为${rules.minTeams}至${rules.maxTeams}个，现为${teams.length}个。`);
  }
  const seen = new Map<string, string>();
  for (const team of teams) {
    const ids = teamMembers(team);
    const label = `巡查组“${team.name}”`;
    if (ids.length < rules.minSize || ids.length > rules.maxSize) {
      problems.push(`${label}人数应为${rules.minSize}至${rules.maxSize}人，现为${ids.length}人。`);
    }
    for (const id of ids) {
      if (!people.has(id)) problems.push(`${label}的成员 ${id} 不在人员名录中。`);
      const other = seen.get(id);
      if (other && other !== team.name) problems.push(`${people.get(id)?.name ?? id}同时在巡查组“${other}”和“${team.name}”中。`);
      seen.set(id, team.name);
    }
    if (team.leaderId === team.deputyId) problems.push(`${label}的组长和副组长不能是同一人。`);
    checkLead(problems, label, '组长', people.get(team.leaderId), rules.leaderRank, rules.leaderMinYears);
    checkLead(problems, label, '副组长', people.get(team.deputyId), rules.leaderRank, rules.deputyMinYears);
    const experts = team.expertIds.filter((id) => people.get(id)?.expert);
    if (experts.length < rules.minExperts) problems.push(`${label}至少应有${rules.minExperts}名安全生产专家。`);
    for (const id of team.expertIds) {
      const p = people.get(id);
      if (p && !p.expert) problems.push(`${label}的${p.name}不是安全生产专家，不能以专家身份参加。`);
    }
    for (const id of ids) {
      const p = people.get(id);
      if (p && team.unitCodes.includes(p.unitCode)) {
        problems.push(`${label}的${p.name}应当回避：不能巡查本人所在单位${unitName(p.unitCode)}。`);
      }
    }
    for (const r of options.recusals ?? []) {
      const p = people.get(r.personId);
      if (p && ids.includes(r.personId) && team.unitCodes.includes(r.unitCode) && r.unitCode !== p.unitCode) {
        problems.push(`${label}的${p.name}应当回避${unitName(r.unitCode)}${r.reason ? `（${r.reason}）` : ''}。`);
      }
    }
    const change = compositionChange(team, options.approved, people);
    // 二（三）: stable within the cycle; a change is allowed only as a declared adjustment, which the committee approves
    if (change && !options.adjustment) problems.push(`${label}的人员应在一个巡查周期内保持稳定：${change}。`);
  }
  return problems;
}

/** What changed in a team against its approved composition (same name), or undefined when nothing did. */
function compositionChange(team: TeamProposal, approved: TeamProposal[] | undefined, people: Map<string, Inspector>): string | undefined {
  const before = approved?.find((t) => t.name === team.name);
  if (!before) return undefined;
  const ids = teamMembers(team);
  const was = new Set(teamMembers(before));
  const now = new Set(ids);
  const added = ids.filter((id) => !was.has(id)).map((id) => people.get(id)?.name ?? id);
  const removed = [...was].filter((id) => !now.has(id)).map((id) => people.get(id)?.name ?? id);
  const leads = before.leaderId !== team.leaderId || before.deputyId !== team.deputyId;
  if (added.length === 0 && removed.length === 0 && !leads) return undefined;
  return [added.length ? `新增${added.join('、')}` : '', removed.length ? `减少${removed.join('、')}` : '', leads ? '组长或副组长变更' : '']
    .filter(Boolean).join('，');
}

/** The changes of each team against the approved teams, for the committee that approves an adjustment. */
export function teamChanges(teams: TeamProposal[], approved: TeamProposal[], people: Map<string, Inspector>): string[] {
  return teams.flatMap((t) => {
    const change = compositionChange(t, approved, people);
    return change ? [`巡查组“${t.name}”：${change}`] : [];
  });
}

/**
 * The team check of a proposal: the rules of checkTeams, and for a round's adjustment (二（三）) the changes against
 * the approved teams, which go to the committee; an adjustment that changes nothing is a problem of its own.
 */
export function checkTeamProposal(teams: TeamProposal[], people: Map<string, Inspector>, options: NonNullable<Parameters<typeof checkTeams>[2]>): {
  problems: string[]; changes: string[];
} {
  const problems = checkTeams(teams, people, options);
  const changes = options.approved ? teamChanges(teams, options.approved, people) : [];
  if (options.adjustment && options.approved && changes.length === 0) problems.push('已申请调整巡查组，但人员组成与已批准的相同。');
  return { problems, changes };
}

function checkLead(problems: string[], label: string, post: string, p: Inspector | undefined, rank: string, minYears: number): void {
  if (!p) return;
  if (p.rank !== rank) problems.push(`${label}的${post}${p.name}应为${rank}干部，现为${p.rank ?? '无职级'}。`);
  if (p.safetyYears < minYears) problems.push(`${label}的${post}${p.name}应有${minYears}年以上安全生产监管工作经历。`);
}
