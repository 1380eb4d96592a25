import { readdirSync, readFileSync } from 'node:fs';
import { parseFormSchema, validateSubmission } from '../../src/web/forms/validate';
import { escapeHtml, html, jsonScript } from '../../src/web/html';

describe('server-side validation of Camunda Forms', () => {
  const field = (c: Record<string, unknown>) => ({ components: [{ label: '字段', key: 'v', ...c } as unknown as { type: string }] });

  it.each([
    ['required text left empty', { type: 'textfield', validate: { required: true } }, '', '「字段」为必填项。'],
    ['required checkbox not ticked', { type: 'checkbox', validate: { required: true } }, false, '「字段」为必填项。'],
    ['required checklist empty', { type: 'checklist', values: [{ value: 'a' }], validate: { required: true } }, [], '「字段」为必填项。'],
    ['number below min', { type: 'number', validate: { min: 1 } }, 0, '「字段」不能小于 1。'],
    ['number above FEEL max', { type: 'number', validate: { max: '=2 * 5' } }, 11, '「字段」不能大于 10。'],
    ['text instead of number', { type: 'number' }, 'x', '「字段」必须是数字。'],
    ['too short', { type: 'textfield', validate: { minLength: 3 } }, 'ab', '「字段」至少需要 3 个字。'],
    ['too long', { type: 'textarea', validate: { maxLength: 2 } }, 'abc', '「字段」不能超过 2 个字。'],
    ['pattern with custom message', { type: 'textfield', validate: { pattern: '^[0-9]+$', patternErrorMessage: '只能填数字' } }, 'a1', '只能填数字'],
    ['bad email', { type: 'textfield', validate: { validationType: 'email' } }, 'a@', '「字段」必须是有效的电子邮箱。'],
    ['unknown option', { type: 'select', values: [{ value: 'a' }] }, 'b', '「字段」不是有效选项。'],
    ['bad date', { type: 'datetime', subtype: 'date' }, '2026/11/28', '「字段」日期时间格式无效。'],
  ])('rejects %s', (_name, component, value, message) => {
    // when
    const { errors, values } = validateSubmission(field(component), { v: value });
    // then
    expect(errors).toEqual({ v: message });
    expect(values).toEqual({});
  });

  it('names a date field by its date label, as form-js shows it', () => {
    // when
    const { errors } = validateSubmission({ components: [{ type: 'datetime', key: 'v', subtype: 'date', dateLabel: '进驻日期', validate: { required: true } }] }, {});
    // then
    expect(errors).toEqual({ v: '「进驻日期」为必填项。' });
  });

  it.each([
    ['number at the limits', { type: 'number', validate: { min: 0, max: 10 } }, 10],
    ['empty optional field', { type: 'textfield', validate: { minLength: 3 } }, undefined],
    ['matching pattern', { type: 'textfield', validate: { pattern: '^1[3-9]\\d{9}$' } }, '13812345678'],
    ['date-time with offset', { type: 'datetime', subtype: 'datetime' }, '2026-11-28T09:30+08:00'],
  ])('accepts %s', (_name, component, value) => {
    // when
    const { errors } = validateSubmission(field(component), { v: value });
    // then
    expect(errors).toEqual({});
  });

  it('keeps only the form’s input fields, drops hidden and read-only ones, and nests groups with a path', () => {
    // given
    const schema = {
      components: [
        { type: 'text', text: '说明' },
        { type: 'textfield', key: 'a' },
        { type: 'textfield', key: 'ro', readonly: true },
        { type: 'textfield', key: 'hidden', conditional: { hide: '=a = "x"' }, validate: { required: true } },
        { type: 'group', path: 'contact', components: [{ type: 'textfield', key: 'name', validate: { required: true } }] },
        { type: 'dynamiclist', path: 'items', components: [{ type: 'number', key: 'n', validate: { min: 1 } }] },
      ],
    };
    // when
    const result = validateSubmission(schema, { a: 'x', ro: 'changed', hidden: 'h', extra: 1, contact: { name: '张三' }, items: [{ n: 2 }, { n: 0 }] });
    // then
    expect(result.values).toEqual({ a: 'x', contact: { name: '张三' }, items: [{ n: 2 }, {}] });
    expect(result.errors).toEqual({ 'items[1].n': '「n」不能小于 1。' });
  });

  it('checks a valuesKey field against the list the form was rendered with, and rejects everything without one', () => {
    // given a taglist and a select fed by reference lists, and a select offering nothing at all
    const schema = {
      components: [
        { type: 'taglist', key: 'units', label: '被巡查单位', valuesKey: 'unitOptions' },
        { type: 'select', key: 'leader', label: '组长', valuesKey: 'inspectorOptions' },
        { type: 'select', key: 'bare', label: '无选项' },
      ],
    };
    const lists = { unitOptions: [{ label: '坛山街道', value: '370404001' }, { label: '吴林街道', value: '370404002' }], inspectorOptions: [{ label: '王建国', value: 'p-leader-1' }] };
    // when
    const good = validateSubmission(schema, { units: ['370404001', '370404002'], leader: 'p-leader-1', unitOptions: [{ label: 'x', value: 'x' }] }, lists);
    const bad = validateSubmission(schema, { units: ['370404001', 'YC-X-99'], leader: 'p-expert-1', bare: 'a' }, lists);
    const unsupplied = validateSubmission(schema, { units: ['370404001'] });
    // then the option lists never come back as values
    expect(good).toEqual({ values: { units: ['370404001', '370404002'], leader: 'p-leader-1' }, errors: {} });
    expect(bad.errors).toEqual({ units: '「被巡查单位」包含无效选项。', leader: '「组长」不是有效选项。', bare: '「无选项」不是有效选项。' });
    expect(unsupplied.errors).toEqual({ units: '「被巡查单位」包含无效选项。' });
  });

  it('reads the schema as the REST API sends it (a JSON string) and tolerates garbage', () => {
    expect(parseFormSchema('{"components":[]}')).toEqual({ components: [] });
    expect(parseFormSchema('not json')).toBeUndefined();
    expect(parseFormSchema(undefined)).toBeUndefined();
  });
});

describe('html templates', () => {
  it('escapes interpolated values but not nested templates', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p>${name}</p>${html`<b>ok</b>`}`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><b>ok</b>');
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });

  it('embeds JSON for browser scripts so that it cannot close the script element', () => {
    expect(jsonScript('d', { x: '</script><b>' }).value).toBe('<script type="application/json" id="d">{"x":"\\u003c/script\\u003e\\u003cb\\u003e"}</script>');
  });
});

describe('server-side validation of the project’s own forms (forms/)', () => {
  const dir = `${__dirname}/../../forms`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.form'));

  it.each(files)('%s: an empty submission only misses required fields, and read-only context never comes back', (file) => {
    // given
    const schema = parseFormSchema(readFileSync(`${dir}/${file}`, 'utf8'))!;
    // when
    const { errors, values } = validateSubmission(schema, {});
    // then
    expect(Object.values(errors).every((m) => m.endsWith('为必填项。'))).toBe(true);
    const readonlyKeys: string[] = [];
    const walk = (cs: Array<{ key?: string; readonly?: unknown; components?: unknown[] }>) => cs.forEach((c) => {
      if (c.readonly === true && c.key) readonlyKeys.push(c.key);
      walk((c.components ?? []) as typeof cs);
    });
    walk(schema.components as never);
    expect(JSON.stringify(values)).not.toMatch(new RegExp(readonlyKeys.map((k) => `"${k}":`).join('|') || '^$'));
  });
});
