import { has, type Principal } from '../auth/roles';
import { type Variable } from '../camunda/port';

/** Variables that carry who reported a problem (来信来电) and what they said: `complaint`, `complainant…`. */
const PROTECTED = /^complain/i;

export const WITHHELD = '"（来信来电信息仅巡查组和区安委办可见）"';

/**
 * Monitoring shows an instance's variables to the committee and administrators too; the complainant's details are
 * need-to-know (四(三): no retaliation against who reports), so only the office sees their values there.
 */
export function withholdComplaints(user: Principal, variables: Variable[]): Variable[] {
  if (has(user, 'office')) return variables;
  return variables.map((v) => (PROTECTED.test(v.name) ? { ...v, value: WITHHELD } : v));
}
