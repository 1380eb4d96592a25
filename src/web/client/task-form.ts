/// <reference lib="dom" />
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { guardTypedDates, hasTypedDateErrors, localiseWidgets } from './form-widgets';
import { addProposalButton } from './plan-assistant';
import { postJson, readJson, translateModule } from './zh';

interface Answer {
  ok?: boolean;
  redirect?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

/** Renders the task's Camunda Form, prefilled, and submits it to the server, which validates it again. */
async function main(): Promise<void> {
  const container = document.getElementById('task-form');
  const schema = readJson<object>('form-schema');
  if (!container || !schema) return;
  const errorsBox = document.getElementById('form-errors')!;
  const taskKey = container.dataset.task;
  const readOnly = container.dataset.readonly === 'true';
  const preview = container.dataset.preview === 'true';

  const form = new Form({ container, additionalModules: [translateModule] });
  await form.importSchema(schema, readJson<object>('form-data') ?? {});
  localiseWidgets(container);
  guardTypedDates(container);
  if (readOnly) form.setProperty('readOnly', true);

  const showErrors = (message: string, fields: Record<string, string> = {}) => {
    errorsBox.hidden = false;
    errorsBox.replaceChildren(document.createTextNode(message));
    const list = document.createElement('ul');
    for (const text of Object.values(fields)) {
      const li = document.createElement('li');
      li.textContent = text;
      list.append(li);
    }
    if (list.childElementCount) errorsBox.append(list);
    errorsBox.focus();
  };

  if (readOnly) return;
  if (container.dataset.proposal === 'true' && taskKey) {
    addProposalButton(container, taskKey, () => form._getState().data as Record<string, unknown>, async (values) => {
      await form.importSchema(schema, { ...readJson<object>('form-data'), ...values });
    });
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'submit-task';
  button.textContent = preview ? '校验表单' : '提交并完成任务';
  container.after(button);
  errorsBox.tabIndex = -1;

  button.addEventListener('click', async () => {
    const { data, errors } = form.submit() as { data: Record<string, unknown>; errors: Record<string, unknown> };
    if (Object.keys(errors).length || hasTypedDateErrors(container)) return showErrors('表单填写有误，请按提示修改。');
    if (preview) {
      errorsBox.hidden = false;
      errorsBox.textContent = '校验通过。';
      return;
    }
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      const { status, body } = await postJson<Answer>(`/tasks/${taskKey}/complete`, { variables: data });
      if (status === 200 && body.redirect) {
        window.location.assign(body.redirect);
        return;
      }
      showErrors(body.error ?? '提交失败，请稍后重试。', body.fieldErrors);
    } catch {
      showErrors('网络错误，请稍后重试。');
    }
    button.disabled = false;
    button.textContent = '提交并完成任务';
  });
}

void main();
