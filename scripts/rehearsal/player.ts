// The day of the district: the rehearsal's people open their tasks and fill in the forms, send their reports,
// then the clock moves to the next morning and the engine's timers and the workers do their part.
import { type Actors } from './actors';
import { chinaDay } from './calendar';
import { decide } from './choices';
import { type EngineApi, type UserTask } from './engine-api';
import { fillForm, type Values } from './form-filler';
import { type Scenario } from './scenario';
import { type Tally } from './tally';
import { type WebClient } from './web-client';

// a small JPEG (SOI, APP0, EOI): the photo a team files on its on-site work
const PHOTO = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

export class Player {
  private inspectionOf = new Map<string, string | null>();
  private unworkable = new Set<string>();
  private failures = new Map<string, number>();
  private roundOf = new Map<string, number | null>();
  /** Tasks their person gets to later, by the day they looked. */
  private deferred = new Map<string, string>();
  readonly problems: string[] = [];
  /** The unit codes of the plan (the annual plan draft's options), the coverage's denominator. */
  planUnits: string[] = [];

  constructor(private readonly engine: EngineApi, private readonly actors: Actors, private readonly scenario: Scenario, private readonly tally: Tally,
    private readonly plan: { cycleStart: string; short: boolean }, private readonly log: (line: string) => void) {}

  async variable(processInstanceKey: string | null | undefined, name: string): Promise<unknown> {
    if (!processInstanceKey) return undefined;
    const found = await this.engine.variables({ processInstanceKey, name });
    const own = found.find((v) => v.scopeKey === processInstanceKey) ?? found[0];
    return own ? (JSON.parse(own.value) as unknown) : undefined;
  }

  private async inspectionIdOf(task: UserTask): Promise<string | null> {
    const key = task.processInstanceKey ?? '';
    if (!this.inspectionOf.has(key)) {
      const v = await this.variable(key, 'inspectionId');
      this.inspectionOf.set(key, typeof v === 'string' ? v : null);
    }
    return this.inspectionOf.get(key) ?? null;
  }

  /** The round a task's process belongs to (0 when none): the short run plays round one only. */
  private async round(task: UserTask): Promise<number> {
    const key = task.processInstanceKey ?? '';
    if (!this.roundOf.has(key)) {
      const v = await this.variable(key, 'roundNo');
      this.roundOf.set(key, typeof v === 'number' ? v : null);
    }
    return this.roundOf.get(key) ?? 0;
  }

  /** Works every open task someone gets to today; the number of tasks completed. */
  async workTasks(today: string): Promise<number> {
    let done = 0;
    for (const task of await this.engine.openTasks()) {
      if (this.unworkable.has(task.userTaskKey) || this.deferred.get(task.userTaskKey) === today) continue;
      if (this.plan.short && (await this.round(task)) > 1) continue;
      const worker = await this.actors.workerOf(task);
      if (!worker || !worker.page.schema) {
        this.unworkable.add(task.userTaskKey);
        this.problems.push(`nobody of the district can work task ${task.name ?? task.elementId} (${task.userTaskKey}, groups ${(task.candidateGroups ?? []).join(',')})`);
        continue;
      }
      const { client, page } = worker;
      const formId = page.schema!.id ?? '';
      const inspectionId = await this.inspectionIdOf(task);
      const decision = await decide({
        formId, task, data: page.data, today, scenario: this.scenario, inspectionId,
        variable: (name) => this.variable(task.processInstanceKey, name),
      });
      if (!decision.act) {
        this.deferred.set(task.userTaskKey, today);
        continue;
      }
      const choices = { ...decision.choices, ...(await this.assistant(formId, client, task, page.data)) };
      if (formId === 'onsite-work' && !this.scenario.played.has('evidence uploaded')) {
        if ((await client.upload(task.userTaskKey, '现场检查照片.jpg', PHOTO, 'image/jpeg')) === 303) this.scenario.play('evidence uploaded');
      }
      const variables = fillForm(page.schema!, page.data, today, choices);
      const answer = await client.postJson(`/tasks/${task.userTaskKey}/complete`, { variables });
      const accepted = answer.status === 200 && answer.body.ok === true;
      const detail = accepted ? '' : `${answer.status} ${answer.body.error ?? ''} ${JSON.stringify(answer.body.fields ?? answer.body)}`;
      if (!accepted && (this.failures.set(task.userTaskKey, (this.failures.get(task.userTaskKey) ?? 0) + 1).get(task.userTaskKey) ?? 0) >= 3) {
        this.unworkable.add(task.userTaskKey);
        this.problems.push(`${formId} refused three times: ${detail}`);
      }
      if (!accepted) this.log(`${today} ${client.login} could not complete ${task.name} (${formId}): ${detail}`);
      this.tally.submitted({ kind: `task ${formId}`, marker: '', variable: '', processInstanceKey: task.processInstanceKey ?? '', accepted, detail, taskKey: task.userTaskKey });
      done += +accepted;
    }
    return done;
  }

  /** 生成建议方案 in the plan and team proposal tasks, as the office uses it. */
  private async assistant(formId: string, client: WebClient, task: UserTask, data: Values): Promise<Values> {
    if (formId === 'annual-plan-draft') {
      if (!this.planUnits.length) this.planUnits = ((data.unitOptions as Array<{ value: string }> | undefined) ?? []).map((o) => o.value);
      const year = task.creationDate ? Number(chinaDay(task.creationDate).slice(0, 4)) + (Number(chinaDay(task.creationDate).slice(5, 7)) >= 10 ? 1 : 0) : undefined;
      const answer = await client.postJson(`/tasks/${task.userTaskKey}/proposal`, { year, cycleStart: this.plan.cycleStart });
      const values = answer.body.values as Values | undefined;
      if (!values) {
        this.problems.push(`the plan assistant found no plan: ${JSON.stringify(answer.body).slice(0, 300)}`);
        return {};
      }
      return values;
    }
    if (formId === 'team-proposal') {
      const answer = await client.postJson(`/tasks/${task.userTaskKey}/proposal`, {});
      const values = answer.body.values as Values | undefined;
      if (!values) this.problems.push(`the plan assistant proposed no teams: ${JSON.stringify(answer.body).slice(0, 300)}`);
      else balanceUnits(values);
      return values ?? {};
    }
    return {};
  }
}

/**
 * The office's edit of a proposal for a small inspection (a 专项巡查 of two units): every team it sends gets a unit,
 * so a team the assistant left idle takes one from a team with two.
 */
function balanceUnits(values: Values): void {
  const teams = (values.teams as Array<{ unitCodes?: string[] }> | undefined) ?? [];
  for (const idle of teams.filter((t) => !t.unitCodes?.length)) {
    const busy = teams.find((t) => (t.unitCodes?.length ?? 0) > 1);
    if (!busy) return;
    idle.unitCodes = [busy.unitCodes!.pop()!];
  }
}
