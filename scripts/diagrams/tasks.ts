// Shorthands for the service tasks of workers/JOB-TYPES.md and the candidate groups of the roles.
import { type FormSpec } from './form-model';
import { type Mapping, type ServiceNode, type UserNode } from './model';

export const groups = {
  office: 'office',
  committee: 'committee',
  teamLeader: 'team-leader',
  team: 'team-leader,team',
  processOwner: 'process-owner',
  unit: '=["unit", "unit:" + unitCode]',
  department: '=["department", "department:" + departmentCode]',
};

export const service = (
  id: string,
  name: string,
  doc: string,
  type: string,
  headers: Record<string, string | number> = {},
  more: Partial<ServiceNode> = {},
): ServiceNode => ({ kind: 'service', id, name, doc, type, headers, ...more });

/** yc-deadline: computes `<result>` (and `<result>Reminder`) with the legal calendar. */
export const deadline = (
  id: string,
  name: string,
  doc: string,
  rule: 'calendar-days' | 'working-days' | 'months',
  amount: number,
  result: string,
  from?: string,
  remindBefore?: number,
): ServiceNode =>
  service(id, name, doc, 'yc-deadline', {
    rule,
    amount,
    result,
    ...(from ? { from } : {}),
    ...(remindBefore ? { remindBefore } : {}),
  });

export const notify = (
  id: string,
  name: string,
  doc: string,
  template: string,
  to: string,
  more: Partial<ServiceNode> = {},
): ServiceNode => service(id, name, doc, 'yc-notify', { template, to }, more);

export const record = (id: string, name: string, doc: string, action: string, more: Partial<ServiceNode> = {}): ServiceNode =>
  service(id, name, doc, 'yc-record', { action }, more);

export const documentTask = (id: string, name: string, doc: string, docType: string): ServiceNode =>
  service(id, name, doc, 'yc-document', { docType });

export const user = (
  id: string,
  name: string,
  doc: string,
  groupsExpr: string,
  dueVariable: string,
  form: FormSpec,
  outputs: Mapping = {},
  inputs: Mapping = {},
): UserNode => ({ kind: 'user', id, name, doc, groups: groupsExpr, due: `=${dueVariable}`, form, outputs, inputs });

/** Output mappings that copy form fields of the same name into the process scope. */
export const keep = (...keys: string[]): Mapping => Object.fromEntries(keys.map((k) => [k, `=${k}`]));
