import { type ProcessInstanceModification } from '../camunda/port';

/** What the administrator entered on the modification form, kept as typed so a rejected form comes back unchanged. */
export interface ModificationInput {
  /** Element instance keys to terminate. */
  terminate: string[];
  /** Element to activate; empty for none. */
  elementId: string;
  /** Variables for the activation as JSON text; empty for none. */
  variables: string;
}

export type ModificationErrors = Partial<Record<'terminate' | 'elementId' | 'variables' | 'form', string>>;

/** The largest variables document the form takes (the engine's own limit is far above; this keeps audits small). */
const MAX_VARIABLES_CHARS = 32 * 1024;
const KEY = /^\d{1,19}$/;

const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** Reads the posted form without judging it. */
export function readModificationInput(body: Record<string, unknown>): ModificationInput {
  return {
    terminate: [...new Set(list(body.terminate).map((v) => v.trim()).filter(Boolean))],
    elementId: typeof body.elementId === 'string' ? body.elementId.trim() : '',
    variables: typeof body.variables === 'string' ? body.variables.trim() : '',
  };
}

function parseVariables(text: string): { value?: Record<string, unknown>; error?: string } {
  if (!text) return {};
  if (text.length > MAX_VARIABLES_CHARS) return { error: `变量内容过长（最多 ${MAX_VARIABLES_CHARS} 个字符）。` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `变量不是有效的 JSON：${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: '变量必须是一个 JSON 对象，例如 {"整改期限": "2026-12-31"}。' };
  }
  if (Object.keys(value).some((name) => name.trim() === '')) return { error: '变量名不能为空。' };
  // an empty object sets nothing (and Camunda's REST API refuses a variable instruction without variables)
  return Object.keys(value).length ? { value: value as Record<string, unknown> } : {};
}

/**
 * Checks the input and turns it into Camunda's modification body. `activatable` are the element ids of the
 * diagram that a modification may activate; the rest (whether a key is still active, scopes) is for the engine.
 */
export function toModification(input: ModificationInput, activatable: ReadonlySet<string>): { modification?: ProcessInstanceModification; errors: ModificationErrors } {
  const errors: ModificationErrors = {};
  if (input.terminate.some((k) => !KEY.test(k))) errors.terminate = '要终止的环节实例编号无效，请刷新页面后重新选择。';
  if (input.elementId && !activatable.has(input.elementId)) errors.elementId = '请选择流程图中可以激活的环节。';
  const variables = parseVariables(input.variables);
  if (variables.error) errors.variables = variables.error;
  else if (variables.value && !input.elementId) errors.variables = '设置变量需要同时选择要激活的环节。';
  if (!input.terminate.length && !input.elementId) errors.form = '请至少选择一个要终止的环节实例，或一个要激活的环节。';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    modification: {
      activateInstructions: input.elementId
        ? [{ elementId: input.elementId, ancestorElementInstanceKey: '-1', ...(variables.value ? { variableInstructions: [{ variables: variables.value }] } : {}) }]
        : [],
      terminateInstructions: input.terminate.map((elementInstanceKey) => ({ elementInstanceKey })),
    },
  };
}

/** Zeebe's rejection reasons (8.8 texts) in plain Chinese; the engine's own words are shown beside them. */
const REASONS: Array<[RegExp, string]> = [
  [/no process instance found/, '该流程实例已结束或不存在，无法修改。'],
  [/terminate instructions with an element instance that could not be found/, '所选的要终止的环节实例已不存在（可能已经完成或被终止），请刷新页面后重新选择。'],
  [/activate instructions with an element that could not be found/, '要激活的环节在该流程版本中不存在。'],
  [/elements that are unsupported/, '该环节不能被激活：开始事件、边界事件和事件网关之后的事件不支持直接激活。'],
  [/more than one active instance/, '目标环节所在的子流程有多个进行中的实例，无法确定在哪一个中激活。'],
  [/multi-instance element/, '不支持在多实例环节内部直接激活环节。'],
  [/would terminate the instance/, '此修改会结束由调用活动启动的子流程实例，请改为修改其父流程实例。'],
  [/ancestor scope key/, '指定的上级作用域无效。'],
  [/variable instructions/, '变量的作用域无效。'],
  [/subscribe to catch event/, '激活后无法订阅目标环节的事件（例如消息关联键无法计算），请先补充所需变量。'],
];

/** The message the administrator reads when the engine refuses the modification. */
export function rejectionMessage(detail: string): string {
  const reason = REASONS.find(([pattern]) => pattern.test(detail))?.[1] ?? '流程引擎拒绝了此次修改。';
  return detail ? `${reason}（引擎原因：${detail}）` : reason;
}
