// Compact field helpers that produce Camunda Forms (form-js schemaVersion 19, as Camunda Modeler 5 writes for 8.8).

export interface Validate {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
  validationType?: 'email' | 'phone';
}

export interface Component {
  type: string;
  key?: string;
  path?: string;
  label?: string;
  text?: string;
  description?: string;
  readonly?: boolean;
  validate?: Validate;
  values?: { label: string; value: string }[];
  subtype?: string;
  dateLabel?: string;
  timeLabel?: string;
  defaultValue?: unknown;
  conditional?: { hide: string };
  components?: Component[];
  isRepeating?: boolean;
  allowAddRemove?: boolean;
  defaultRepetitions?: number;
  showOutline?: boolean;
  increment?: string;
  id?: string;
  layout?: { row: string; columns: number | null };
}

export interface FormSpec {
  id: string;
  title: string;
  intro: string; // Markdown: what the task is and which clause requires it
  context: Component[]; // read-only fields that show what the task is about
  fields: Component[];
}

type Opts = Partial<Component> & { hideIf?: string };

const build = (c: Component, opts: Opts): Component => {
  const { hideIf, ...rest } = opts;
  return { ...c, ...rest, ...(hideIf ? { conditional: { hide: hideIf } } : {}) };
};
const req = (opts: Opts): Validate => ({ required: true, ...(opts.validate ?? {}) });

export const text = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'textfield', key, label }, { ...opts, validate: req(opts) });
export const area = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'textarea', key, label }, { ...opts, validate: req(opts) });
export const num = (key: string, label: string, min: number, max: number, opts: Opts = {}): Component =>
  build({ type: 'number', key, label, increment: '1' }, { ...opts, validate: { ...req(opts), min, max } });
export const date = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'datetime', key, subtype: 'date', dateLabel: label }, { ...opts, validate: req(opts) });
export const dateTime = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'datetime', key, subtype: 'datetime', dateLabel: label, timeLabel: '时间' }, { ...opts, validate: req(opts) });
export const choice = (type: 'select' | 'radio' | 'checklist', key: string, label: string, values: [string, string][], opts: Opts = {}): Component =>
  build({ type, key, label, values: values.map(([value, l]) => ({ value, label: l })) }, { ...opts, validate: req(opts) });
export const check = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'checkbox', key, label }, opts);
export const tags = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'taglist', key, label, values: [] }, { ...opts, validate: req(opts) });
export const note = (markdown: string, opts: Opts = {}): Component => build({ type: 'text', text: markdown }, opts);
export const group = (label: string, components: Component[], opts: Opts = {}): Component =>
  build({ type: 'group', label, components, showOutline: true }, opts);
export const list = (path: string, label: string, components: Component[], opts: Opts = {}): Component =>
  build(
    { type: 'dynamiclist', path, label, components, isRepeating: true, allowAddRemove: true, defaultRepetitions: 1, showOutline: true },
    opts,
  );
/** A read-only context field showing a process variable. */
export const show = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'textfield', key, label, readonly: true }, opts);
export const showArea = (key: string, label: string, opts: Opts = {}): Component =>
  build({ type: 'textarea', key, label, readonly: true }, opts);

/** Problem categories C1–C9 (the nine content areas of 三（一）). */
export const categories: [string, string][] = [
  ['C1', 'C1 贯彻党中央、国务院安全生产决策部署'],
  ['C2', 'C2 贯彻省市区决策部署和安委会工作安排'],
  ['C3', 'C3 党政同责、一岗双责与三项责任落实'],
  ['C4', 'C4 安全规划、投入、科技与培训'],
  ['C5', 'C5 事故防范、双重预防、打非治违'],
  ['C6', 'C6 监管体制、执法力量与应急管理'],
  ['C7', 'C7 信用体系与举报核查'],
  ['C8', 'C8 事故调查处理与责任追究'],
  ['C9', 'C9 安委会部署的其他事项'],
];
export const severities: [string, string][] = [
  ['一般', '一般问题/一般事故隐患'],
  ['较大', '较大问题'],
  ['重大', '重大事故隐患'],
];

let counter = 0;
const withIds = (components: Component[]): Component[] =>
  components.map((c) => {
    counter += 1;
    const id = `Field_${String(counter).padStart(4, '0')}`;
    return {
      ...c,
      id,
      layout: { row: `Row_${String(counter).padStart(4, '0')}`, columns: null },
      ...(c.components ? { components: withIds(c.components) } : {}),
    };
  });

/** The form-js JSON of a form spec. */
export const formJson = (spec: FormSpec): Record<string, unknown> => {
  counter = 0;
  const components: Component[] = [
    { type: 'text', text: `# ${spec.title}\n\n${spec.intro}` },
    ...(spec.context.length ? [group('任务背景（只读）', spec.context)] : []),
    ...spec.fields,
  ];
  return {
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.8.0',
    exporter: { name: 'Camunda Modeler', version: '5.41.0' },
    schemaVersion: 19,
    id: spec.id,
    type: 'default',
    components: withIds(components),
  };
};
