/**
 * The roles of the inspection system with their Chinese names. Their codes double as the Camunda candidate groups
 * of workers/JOB-TYPES.md; units and departments also have scoped groups (`unit:<code>`, `department:<code>`).
 */
export const ROLE_NAMES = {
  committee: '区安委会',
  office: '区安委办',
  'team-leader': '巡查组组长/副组长',
  team: '巡查组成员',
  unit: '被巡查单位',
  department: '承办部门',
  admin: '系统管理员',
  'process-owner': '流程负责人',
  /** 区委组织部, 区综治办 (区委政法委), 区文明办: receive the inspection results (三（三）6), scoped to their unit. */
  'copy-office': '抄送单位',
} as const;

export type RoleCode = keyof typeof ROLE_NAMES;

export const ROLE_CODES = Object.keys(ROLE_NAMES) as RoleCode[];
