import { type EvidenceScope, type ReferenceList, type ReferenceOption, type WebStore } from '../store/port';
import { type FormComponent, type FormSchema } from './validate';

/**
 * Option lists of selection fields come from the domain store, not from process variables: a form names a list with
 * form-js `valuesKey`, and the web app supplies the list under that key in the form data when it renders the task and
 * resolves the same list again when it validates the submission. The keys are never written back to the process
 * (only a form's own fields are submitted).
 */
export const OPTION_KEYS = {
  /** The units inspected once per cycle: 7 镇街, the member units and the development zone (label = 全称（简称）, value = code). */
  unitOptions: 'units',
  /** 区安委会成员单位 only. */
  memberUnitOptions: 'memberUnits',
  /** Everyone on the roster (label = name · unit · rank, value = person id). */
  personOptions: 'people',
  /** Inspectors (not experts). */
  inspectorOptions: 'inspectors',
  /** 安全生产专家. */
  expertOptions: 'experts',
  /** Enterprises with the 镇街 they sit in (value = enterprise code). */
  enterpriseOptions: 'enterprises',
  /** Evidence archived for the task's inspection that the user may see (label = file name and time, value = evidence id). */
  evidenceOptions: 'evidence',
} as const satisfies Record<string, ReferenceList>;

export type OptionKey = keyof typeof OPTION_KEYS;
export type OptionLists = Record<string, ReferenceOption[]>;

export const isOptionKey = (key: unknown): key is OptionKey => typeof key === 'string' && Object.hasOwn(OPTION_KEYS, key);

function collect(components: FormComponent[] | undefined, into: Set<string>): Set<string> {
  for (const c of components ?? []) {
    if (typeof c.valuesKey === 'string') into.add(c.valuesKey);
    collect(c.components, into);
  }
  return into;
}

/** The `valuesKey`s a form uses, in no particular order. */
export function valuesKeysOf(schema: FormSchema): string[] {
  return [...collect(schema.components, new Set())];
}

/**
 * The option lists a form needs, keyed by its `valuesKey`s. Well-known keys are read from the store; any other key
 * gets an empty list, so that neither the browser nor the server accepts a value nobody could have offered.
 */
export async function resolveFormOptions(
  store: Pick<WebStore, 'referenceOptions'>,
  schema: FormSchema,
  about: { inspectionId?: string; problemId?: string },
  evidence: EvidenceScope,
): Promise<OptionLists> {
  const keys = valuesKeysOf(schema);
  const lists = await Promise.all(keys.map((key) => (isOptionKey(key) ? store.referenceOptions(OPTION_KEYS[key], about, evidence) : Promise.resolve([]))));
  return Object.fromEntries(keys.map((key, i) => [key, lists[i]!]));
}
