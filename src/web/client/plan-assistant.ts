/// <reference lib="dom" />
import { postJson } from './zh';

interface Proposal {
  feasible?: boolean;
  reasons?: string[];
  seconds?: number;
  trainings?: { no: number; training: string }[];
  values?: Record<string, unknown>;
  error?: string;
}

type Data = Record<string, unknown>;

/** Fields the proposal fills, merged into what is on the form: a group's other fields (the theme) stay as entered. */
function merged(current: Data, values: Data): Data {
  const out: Data = { ...current };
  for (const [key, value] of Object.entries(values)) {
    const before = current[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && before && typeof before === 'object' && !Array.isArray(before)
      ? { ...(before as Data), ...(value as Data) } : value;
  }
  return out;
}

function list(box: HTMLElement, title: string, lines: string[]): void {
  const heading = document.createElement('p');
  heading.textContent = title;
  const ul = document.createElement('ul');
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line;
    ul.append(li);
  }
  box.replaceChildren(heading, ul);
  box.hidden = false;
}

/**
 * 「生成建议方案」 on the annual plan draft and team proposal tasks: asks the server's plan assistant, fills the form
 * with its proposal for the office to edit and submit, or lists why no schedule exists.
 */
export function addProposalButton(container: HTMLElement, taskKey: string, data: () => Data, fill: (values: Data) => Promise<void>): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'plan-proposal';
  button.className = 'secondary';
  button.textContent = '生成建议方案';
  const box = document.createElement('div');
  box.id = 'plan-proposal-result';
  box.setAttribute('role', 'status');
  box.hidden = true;
  container.before(button, box);

  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = '正在编排…';
    const plan = (data().plan ?? {}) as { year?: unknown; cycleStart?: unknown };
    const ask = {
      ...(typeof plan.year === 'number' ? { year: plan.year } : {}),
      ...(typeof plan.cycleStart === 'string' && plan.cycleStart ? { cycleStart: plan.cycleStart } : {}),
    };
    try {
      const { status, body } = await postJson<Proposal>(`/tasks/${taskKey}/proposal`, ask);
      if (status !== 200) list(box, body.error ?? '生成失败，请稍后重试。', []);
      else if (!body.feasible || !body.values) list(box, '无法编排出满足全部规则的方案：', body.reasons ?? []);
      else {
        await fill(merged(data(), body.values));
        list(box, `已按全部规则生成建议方案（用时${body.seconds ?? 0}秒），请核对修改后提交。`,
          (body.trainings ?? []).map((t) => `第${t.no}轮集中培训：${t.training}`));
      }
    } catch {
      list(box, '网络错误，请稍后重试。', []);
    }
    button.disabled = false;
    button.textContent = '生成建议方案';
  });
}
