/**
 * A valid diagram of `tasks` service tasks in a row: four XML elements per task (task, extension elements, task
 * definition, sequence flow), so its size in elements is chosen to sit below or above the engine's limits.
 */
export function chainOfTasks(processId: string, tasks: number): string {
  const parts = ['<bpmn:startEvent id="start"/>'];
  let previous = 'start';
  for (let i = 0; i < tasks; i += 1) {
    parts.push(
      `<bpmn:serviceTask id="t${i}"><bpmn:extensionElements><zeebe:taskDefinition type="chain"/></bpmn:extensionElements></bpmn:serviceTask>`,
      `<bpmn:sequenceFlow id="f${i}" sourceRef="${previous}" targetRef="t${i}"/>`,
    );
    previous = `t${i}`;
  }
  parts.push('<bpmn:endEvent id="end"/>', `<bpmn:sequenceFlow id="f-end" sourceRef="${previous}" targetRef="end"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="${processId}" isExecutable="true">${parts.join('')}</bpmn:process>
</bpmn:definitions>`;
}
