import { type Route } from './problems';

/** 三（三）6: the results are copied to 区委组织部, 区综治办 (区委政法委) and 区文明办. */
export const COPY_OFFICES = ['区委组织部', '区委政法委', '区文明办'] as const;

/** 四（三）: an accountability lead goes to the organisation department. */
export const ACCOUNTABILITY_OFFICE = '区委组织部';

/** The units a disposal can be given to, as the store found them. */
export interface DisposalUnits {
  /** The department supervising the problem's industry (the routing table), if any. */
  industryDepartment: string | null;
  /** The code of ACCOUNTABILITY_OFFICE. */
  accountabilityOffice: string | null;
  /** The inspected unit. */
  unitCode: string | null;
}

/**
 * Who disposes of a classified problem: a handover or listing the department of its industry, an accountability
 * lead the organisation department, a rectification the unit itself. A handover no department is responsible for
 * is rectified by the unit (the office may still hand it over by hand).
 */
export function disposalOf(route: Route, units: DisposalUnits): { route: Route; departmentCode: string | null } {
  if (route === 'handover' && !units.industryDepartment) return { route: 'rectify', departmentCode: units.unitCode };
  if (route === 'handover' || route === 'listing') return { route, departmentCode: units.industryDepartment };
  if (route === 'accountability') return { route, departmentCode: units.accountabilityOffice };
  return { route, departmentCode: units.unitCode };
}
