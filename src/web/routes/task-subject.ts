import { type SafeHtml } from '../html';
import { type Attachment, type EvidenceScope, type WebStore } from '../store/port';
import { decisionSubject } from '../views/task-subject';

const DECISIONS = new Set(['team-approval', 'annual-plan-approval', 'special-inspection-approval', 'inspection-report-approval',
  'rectification-review', 'complaint-verification', 'hazard-acceptance', 'hazard-extension-review', 'handover-receipt', 'handover-result']);

/** The subject panel of a decision's task page, with people and units by name (see views/task-subject.ts). */
export async function loadDecisionSubject(store: WebStore, formId: string | undefined, variables: Record<string, unknown>,
  evidence: EvidenceScope, attachments: Attachment[]): Promise<SafeHtml | undefined> {
  if (!formId || !DECISIONS.has(formId)) return undefined;
  const [people, units] = await Promise.all([store.referenceOptions('people', {}, evidence), store.units()]);
  const personNames = new Map(people.map((p) => [p.value, p.label]));
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  return decisionSubject(formId, variables, {
    person: (id) => personNames.get(id) ?? id,
    unit: (code) => unitNames.get(code) ?? code,
  }, attachments);
}
