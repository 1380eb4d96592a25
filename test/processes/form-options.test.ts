// Every selection field of forms/ offers something to pick: static options, or a reference list the web app supplies.
import { isOptionKey, OPTION_KEYS } from '../../src/web/forms/options';
import { type El, loadForms } from './load-diagrams';

const SELECTION = new Set(['select', 'radio', 'checklist', 'taglist']);
const walk = (components: El[], path = ''): Array<{ c: El; where: string }> =>
  components.flatMap((c) => {
    const here = `${path}${c.path ?? c.key ?? c.id}`;
    return [{ c, where: here }, ...(c.components ? walk(c.components, `${here}.`) : [])];
  });

/** Why a selection field offers nothing, or undefined when it has a source of options the server can check too. */
function missingSource(c: El): string | undefined {
  if (c.valuesKey !== undefined) return isOptionKey(c.valuesKey) ? undefined : `valuesKey ${c.valuesKey} is not one of ${Object.keys(OPTION_KEYS).join(', ')}`;
  if (c.valuesExpression !== undefined) return 'valuesExpression (options from process variables cannot be checked on the server)';
  if (!Array.isArray(c.values) || c.values.length === 0) return 'no values, valuesKey or valuesExpression';
  return undefined;
}

describe('selection fields of forms/', () => {
  const forms = [...loadForms()];

  it('each have static options or a well-known reference list as valuesKey', () => {
    // given every select, radio, checklist and taglist of every form
    const fields = forms.flatMap(([name, form]) => walk(form.components).filter(({ c }) => SELECTION.has(c.type)).map((f) => ({ ...f, name })));
    // when each is asked for its source of options
    const problems = fields.flatMap(({ c, where, name }) => {
      const why = missingSource(c);
      return why ? [`${name}: ${where}: ${why}`] : [];
    });
    // then none lacks one
    expect(fields.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('offer units, people and evidence from the reference lists, never as free ids', () => {
    // given the fields that carry unit codes, person ids, enterprise codes and evidence ids to the processes
    const byKey = new Map<string, Set<string>>();
    for (const [, form] of forms) {
      for (const { c } of walk(form.components)) {
        if (!SELECTION.has(c.type) || !c.valuesKey) continue;
        byKey.set(c.key, new Set([...(byKey.get(c.key) ?? []), c.valuesKey]));
      }
    }
    // then each draws on the list that matches what it carries
    expect(Object.fromEntries([...byKey].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      units: ['unitOptions'],
      leaderId: ['inspectorOptions'],
      deputyId: ['inspectorOptions'],
      memberIds: ['inspectorOptions'],
      expertIds: ['expertOptions'],
      unitCodes: ['unitOptions'],
      arrangedUnits: ['unitOptions'],
      enterpriseCodes: ['enterpriseOptions'],
      evidenceRefs: ['evidenceOptions'],
      resultEvidence: ['evidenceOptions'],
      suggestedDepartment: ['unitOptions'],
      departmentCode: ['memberUnitOptions'],
      newDepartmentCode: ['memberUnitOptions'],
      talkSubjectUnitCode: ['unitOptions'],
      talkSubject: ['unitOptions'],
      unitCode: ['unitOptions'],
    });
  });

  it('never ask for a code or an id to be typed, nor show a code where a name belongs', () => {
    // given every text field of every form
    const texts = forms.flatMap(([name, form]) => walk(form.components).filter(({ c }) => c.type === 'textfield' || c.type === 'textarea').map((f) => ({ ...f, name })));
    // when those carrying codes (any) or ids (editable) are picked out
    const typed = texts.filter(({ c }) => /Codes?$|^talkSubject$/.test(c.key ?? '') || (/Ids?$/.test(c.key ?? '') && c.readonly !== true && c.disabled !== true));
    // then there are none: units, departments, people and enterprises are picked by name
    expect(texts.length).toBeGreaterThan(50);
    expect(typed.map(({ name, where }) => `${name}: ${where}`)).toEqual([]);
  });
});
