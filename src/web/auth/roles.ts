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

/** The signed-in user as the web app sees it. */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitCodes: string[];
  departmentCodes: string[];
}

/** Candidate groups through which this user may see and work on user tasks. */
export function candidateGroupsOf(user: Principal): string[] {
  const groups = new Set<string>();
  for (const role of user.roles) {
    if (role !== 'unit' && role !== 'department') groups.add(role);
  }
  if (user.roles.includes('unit')) for (const code of user.unitCodes) groups.add(`unit:${code}`);
  if (user.roles.includes('department')) for (const code of user.departmentCodes) groups.add(`department:${code}`);
  return [...groups];
}

export interface TaskAudience {
  assignee?: string | null;
  candidateGroups?: string[] | null;
  candidateUsers?: string[] | null;
}

/** Whether the user may see a task: assigned to them, offered to them, or offered to one of their groups. */
export function canSeeTask(user: Principal, task: TaskAudience): boolean {
  if (task.assignee && task.assignee === user.username) return true;
  if (task.candidateUsers?.includes(user.username)) return true;
  const mine = new Set(candidateGroupsOf(user));
  return (task.candidateGroups ?? []).some((g) => mine.has(g));
}

export const has = (user: Principal | undefined, ...roles: Role[]): boolean =>
  !!user && user.roles.some((r) => roles.includes(r));

/** Who may do what beyond their own tasks. */
export const can = {
  monitor: (u?: Principal) => has(u, 'admin', 'office', 'committee'),
  operate: (u?: Principal) => has(u, 'admin'),
  ownProcesses: (u?: Principal) => has(u, 'process-owner', 'admin'),
  /** Registers across all units (units and departments see only their own rows). */
  seeAllRecords: (u?: Principal) => has(u, 'admin', 'office', 'committee', 'team-leader', 'team'),
  /** Enter the State Council's holiday arrangement (节假日日历). */
  manageCalendar: (u?: Principal) => has(u, 'admin', 'office'),
};
