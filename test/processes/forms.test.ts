// Every Camunda Form in forms/ is valid form-js JSON of the subset we use, with Chinese labels and sound validation.
import { evaluate } from 'feelin';
import { z } from 'zod';
import { type El, loadForms } from './load-diagrams';

const validate = z
  .object({
    required: z.boolean().optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    pattern: z.string().optional(),
    validationType: z.enum(['email', 'phone']).optional(),
  })
  .strict();

const base = {
  id: z.string().regex(/^Field_\d{4}$/),
  layout: z.object({ row: z.string(), columns: z.number().nullable() }),
  conditional: z.object({ hide: z.string().startsWith('=') }).optional(),
  description: z.string().optional(),
  readonly: z.boolean().optional(),
  validate: validate.optional(),
};
const chinese = z.string().regex(/[\u4e00-\u9fff]/, 'label must be Chinese');
const options = z.array(z.object({ label: chinese, value: z.string().min(1) })).min(2);

type Component = z.infer<typeof leaf> | { type: 'group' | 'dynamiclist'; components: Component[] };
const leaf = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), text: z.string().min(1) }).strict(),
  z.object({ ...base, type: z.enum(['textfield', 'textarea']), key: z.string(), label: chinese }).strict(),
  z.object({ ...base, type: z.literal('number'), key: z.string(), label: chinese, increment: z.string() }).strict(),
  z.object({ ...base, type: z.literal('checkbox'), key: z.string(), label: chinese }).strict(),
  z.object({ ...base, type: z.enum(['radio', 'checklist']), key: z.string(), label: chinese, values: options }).strict(),
  // static options, or options the web app supplies under `valuesKey` (form-options.test.ts checks that there is one)
  z.object({ ...base, type: z.literal('select'), key: z.string(), label: chinese, values: options.optional(), valuesKey: z.string().optional(), searchable: z.boolean().optional() }).strict(),
  z.object({ ...base, type: z.literal('taglist'), key: z.string(), label: chinese, valuesKey: z.string() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('datetime'),
      key: z.string(),
      subtype: z.enum(['date', 'datetime']),
      dateLabel: chinese,
      timeLabel: chinese.optional(),
    })
    .strict(),
]);
const component: z.ZodType<Component> = z.lazy(() =>
  z.union([
    leaf,
    z
      .object({
        ...base,
        type: z.literal('group'),
        label: chinese,
        path: z.string().optional(),
        showOutline: z.boolean(),
        components: z.array(component).min(1),
      })
      .strict(),
    z
      .object({
        ...base,
        type: z.literal('dynamiclist'),
        label: chinese,
        path: z.string(),
        isRepeating: z.literal(true),
        allowAddRemove: z.boolean(),
        defaultRepetitions: z.number().int(),
        showOutline: z.boolean(),
        components: z.array(component).min(1),
      })
      .strict(),
  ]),
) as z.ZodType<Component>;

const formSchema = z
  .object({
    executionPlatform: z.literal('Camunda Cloud'),
    executionPlatformVersion: z.literal('8.8.0'),
    exporter: z.object({ name: z.string(), version: z.string() }),
    schemaVersion: z.literal(19),
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    type: z.literal('default'),
    components: z.array(component).min(2),
  })
  .strict();

const walk = (components: El[]): El[] => components.flatMap((c) => [c, ...(c.components ? walk(c.components) : [])]);
const forms = [...loadForms()];

describe.each(forms)('form %s', (name, form) => {
  it('matches the form-js schema of the components we use and is named after its file', () => {
    // when the form is parsed with the schema
    const result = formSchema.safeParse(form);
    // then it is valid and its id is its file name
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(form.id).toBe(name);
  });

  it('has unique ids and keys, compilable patterns, sensible ranges and FEEL conditions', () => {
    const all = walk(form.components);
    const ids = all.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // keys are unique per level (a dynamic list repeats its own keys)
    const outsideLists = (cs: El[]): El[] =>
      cs.flatMap((c) => (c.type === 'dynamiclist' ? [] : [c, ...(c.components ? outsideLists(c.components) : [])]));
    const topKeys = outsideLists(form.components).map((c) => c.key).filter(Boolean);
    expect(new Set(topKeys).size).toBe(topKeys.length);
    for (const c of all) {
      if (c.validate?.pattern) expect(() => new RegExp(c.validate.pattern)).not.toThrow();
      if (c.validate?.min !== undefined) expect(c.validate.min).toBeLessThan(c.validate.max);
      if (c.validate?.minLength !== undefined && c.validate.maxLength) expect(c.validate.minLength).toBeLessThan(c.validate.maxLength);
      if (c.conditional) expect(() => evaluate(c.conditional.hide.slice(1), {})).not.toThrow();
    }
  });

  it('asks for at least one required input and shows what the task is about', () => {
    const all = walk(form.components);
    expect(all.some((c) => c.validate?.required && !c.readonly)).toBe(true);
    expect(all[0]).toMatchObject({ type: 'text' });
    expect(all[0].text).toMatch(/^# .*[\u4e00-\u9fff]/);
  });
});
