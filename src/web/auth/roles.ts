import { ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../domain/roles';

/**
 * Roles of the inspection system and how they map to Camunda candidate groups (workers/JOB-TYPES.md).
 * Units and departments only ever match through their scoped groups (`unit:<code>`, `department:<code>`), so a
 * unit never sees another unit's task even when a diagram also names the generic `unit` group.
 */
export const ROLES = ROLE_CODES;
export type Role = RoleCode;
export const ROLE_LABELS: Record<Role, string> = ROLE_NAMES;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A team the user belongs to; `leads`: its 组长 or 副组长. */
export interface TeamMembership {
  teamId: string;
  leads: boolean;
}

/** The signed-in user as the web app sees it. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitCodes: string[];
  departmentCodes: string[];
  /** The inspection teams (巡查组) the user's person belongs to. */
  teams: TeamMembership[];
  /** The password was set by an administrator: nothing but changing it until it is changed. */
  mustChangePassword?: boolean;
}

/** The unscoped team groups: they name a role, not a team, so a task offered through them needs its team checked. */
export const TEAM_GROUPS = ['team-leader', 'team'] as const;
const isTeamGroup = (g: string) => (TEAM_GROUPS as readonly string[]).includes(g);

/**
 * Candidate groups through which this user may see and work on user tasks. Team tasks are offered per team
 * (组长负责制): `team-leader:<teamId>` to the team's leaders, `team:<teamId>` to all its members; diagrams that
 * still name the plain `team-leader` / `team` groups reach only the task's own team (see teamMayWork).
 */
export function candidateGroupsOf(user: Principal): string[] {
  const groups = new Set<string>();
  for (const role of user.roles) {
    if (role !== 'unit' && role !== 'department') groups.add(role);
  }
  if (user.roles.includes('unit')) for (const code of user.unitCodes) groups.add(`unit:${code}`);
  if (user.roles.includes('department')) for (const code of user.departmentCodes) groups.add(`department:${code}`);
  const leader = user.roles.includes('team-leader');
  if (leader || user.roles.includes('team')) {
    for (const t of user.teams) {
      groups.add(`team:${t.teamId}`);
      if (leader && t.leads) groups.add(`team-leader:${t.teamId}`);
    }
  }
  return [...groups];
}

export interface TaskAudience {
  assignee?: string | null;
  candidateGroups?: string[] | null;
  candidateUsers?: string[] | null;
}

/**
 * Whether the user may work on a task (claim, complete): assigned to them, offered to them by name, or offered to
 * one of their groups. `taskTeam` is the team the task belongs to (its process's inspection), null for a task of
 * no team, undefined when not looked up: then a task offered only through the plain team groups is refused.
 */
export function canWorkOn(user: Principal, task: TaskAudience, taskTeam?: string | null): boolean {
  if (task.assignee && task.assignee === user.username) return true;
  if (task.candidateUsers?.includes(user.username)) return true;
  const mine = new Set(candidateGroupsOf(user));
  const offered = (task.candidateGroups ?? []).filter((g) => mine.has(g));
  if (offered.some((g) => !isTeamGroup(g))) return true;
  return offered.length > 0 && teamMayWork(user, offered, taskTeam);
}

/** A task offered through plain team groups: the task's own team's leaders (or members, for `team`) only. */
function teamMayWork(user: Principal, groups: string[], taskTeam: string | null | undefined): boolean {
  if (taskTeam === undefined) return false;
  if (taskTeam === null) return true; // a task of no team (e.g. 回头看) stays open to the role
  const membership = user.teams.find((t) => t.teamId === taskTeam);
  if (!membership) return false;
  return groups.includes('team') || (groups.includes('team-leader') && membership.leads);
}

/** A team task: offered to a team, by its scoped groups or the plain ones. */
export function isTeamTask(task: TaskAudience): boolean {
  return (task.candidateGroups ?? []).some((g) => isTeamGroup(g) || /^team(-leader)?:/.test(g));
}

/** The team a task is offered to by its scoped groups, if any. */
export function scopedTeamOf(task: TaskAudience): string | undefined {
  for (const g of task.candidateGroups ?? []) {
    const m = /^team(?:-leader)?:(.+)$/.exec(g);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Whether the user may see a task: work on it, or, being a member of the task's team, see it to file evidence on
 * it (team members attach evidence to their own team's tasks, also to those only the leader completes).
 */
export function canSeeTask(user: Principal, task: TaskAudience, taskTeam?: string | null): boolean {
  return canWorkOn(user, task, taskTeam) || isTeamMemberOf(user, task, taskTeam);
}

/** The user belongs to the team the task is offered to. */
export function isTeamMemberOf(user: Principal, task: TaskAudience, taskTeam?: string | null): boolean {
  if (!isTeamTask(task) || !has(user, 'team', 'team-leader')) return false;
  const team = scopedTeamOf(task) ?? taskTeam ?? undefined;
  return !!team && user.teams.some((t) => t.teamId === team);
}

export const has = (user: Principal | undefined, ...roles: Role[]): boolean =>
  !!user && user.roles.some((r) => roles.includes(r));

/** Who may do what beyond their own tasks. */
export const can = {
  monitor: (u?: Principal) => has(u, 'admin', 'office', 'committee'),
  operate: (u?: Principal) => has(u, 'admin'),
  ownProcesses: (u?: Principal) => has(u, 'process-owner', 'admin'),
  /** Registers across all units and teams (units, departments and teams see only their own rows). */
  seeAllRecords: (u?: Principal) => has(u, 'admin', 'office', 'committee'),
  /** Enter the State Council's holiday arrangement (节假日日历). */
  manageCalendar: (u?: Principal) => has(u, 'admin', 'office'),
  /** See and run the check of the evidence archive (证据存档校验). */
  checkEvidence: (u?: Principal) => has(u, 'admin', 'office'),
  /** Read the assessment register (绩效考核): the office, the committee and the offices the results are copied to. */
  readAssessment: (u?: Principal) => has(u, 'admin', 'office', 'committee', 'copy-office'),
  /** Accounts, units, people, teams and the audit trail (系统管理). */
  administer: (u?: Principal) => has(u, 'admin'),
};
