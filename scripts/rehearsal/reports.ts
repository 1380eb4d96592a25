// The reports people send through the web app's 情况报告 forms, on the days the scenario sends them: units'
// rectification reports, hazard progress, extension and acceptance requests,
// complaints, obstructions, major hazards and a 延伸巡查 on site, the city's announcements, next year's plan and a
// 专项巡查 the office starts.
import { type Actors } from './actors';
import { addDays, chinaDay } from './calendar';
import { type EngineApi } from './engine-api';
import { type InspectionPart, type Scenario } from './scenario';
import { type Tally } from './tally';
import { type WebClient } from './web-client';

interface Waiting {
  processInstanceKey: string;
  vars: Record<string, unknown>;
}

/** Reports about a year (they start a process), which the form offers no list of subjects for. */
const YEAR_MESSAGES = new Set(['city-inspection-announced', 'annual-plan', 'special-inspection']);

export class Reporter {
  private firstSeen = new Map<string, string>();
  private sent = new Set<string>();
  private notOffered = new Set<string>();
  private firstDue = new Map<string, string>();

  constructor(private readonly engine: EngineApi, private readonly actors: Actors, private readonly scenario: Scenario, private readonly tally: Tally,
    private readonly log: (line: string) => void) {}

  private async varsOf(processInstanceKey: string, names: string[]): Promise<Record<string, unknown>> {
    const found = await this.engine.variables({ processInstanceKey, name: { $in: names } });
    const vars: Record<string, unknown> = {};
    for (const v of found) if (!(v.name in vars) || v.scopeKey === processInstanceKey) vars[v.name] = JSON.parse(v.value) as unknown;
    return vars;
  }

  /** Instances with one of the elements active, and their variables. */
  private async waitingAt(processId: string, elementIds: string[], names: string[]): Promise<Waiting[]> {
    const elements = await this.engine.elementInstances({ processDefinitionId: processId, state: 'ACTIVE', elementId: { $in: elementIds } });
    const keys = [...new Set(elements.map((e) => e.processInstanceKey))];
    return Promise.all(keys.map(async (k) => ({ processInstanceKey: k, vars: await this.varsOf(k, names) })));
  }

  private async activeInstances(processId: string, names: string[]): Promise<Waiting[]> {
    const found = await this.engine.processInstances({ processDefinitionId: processId, state: 'ACTIVE' });
    return Promise.all(found.map(async (p) => ({ processInstanceKey: p.processInstanceKey, vars: await this.varsOf(p.processInstanceKey, names) })));
  }

  private seen(id: string, today: string): string {
    if (!this.firstSeen.has(id)) this.firstSeen.set(id, today);
    return this.firstSeen.get(id)!;
  }

  /**
   * Sends a report (once per subject, or once per `once` key when a string); the marker in its text lets the tally
   * find it in the process it started.
   */
  private async send(login: string | Promise<WebClient | null>, message: string, subject: string, fields: Record<string, string>, variable: string, target: string, once: boolean | string = true): Promise<boolean> {
    const id = typeof once === 'string' ? `${message}:${once}` : `${message}:${subject}`;
    if (once !== false && this.sent.has(id)) return false;
    const client = typeof login === 'string' ? await this.actors.as(login) : await login;
    if (!client) return false;
    const offered = await client.reportSubjects(message);
    if (!YEAR_MESSAGES.has(message) && !offered.some((s) => s.value === subject)) {
      // the process waits for it, yet the form does not offer it: nothing the person can do but wait
      if (!this.notOffered.has(id)) this.log(`${client.login}: 「${message}」 for ${subject} is awaited but not offered`);
      this.notOffered.add(id);
      return false;
    }
    const before = target ? (await this.engine.elementInstances({ processInstanceKey: target })).length : undefined;
    const marker = this.tally.nextMarker();
    const marked = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.replace('{m}', marker)]));
    const answer = await client.report(message, { subject, ...marked });
    this.sent.add(id);
    this.tally.submitted({ kind: `report ${message}`, marker, variable, processInstanceKey: target, before, accepted: answer.accepted, detail: `${subject} ${answer.detail}` });
    return answer.accepted;
  }

  async sendToday(today: string, options: { cityDays: string[]; nextPlanDay: string | null; specialDay: string | null }): Promise<number> {
    let count = 0;
    // on site: a complaint (the office registers it), an obstruction and a major hazard (the team leader)
    for (const w of await this.activeInstances('onsite-work', ['inspectionId'])) {
      const inspectionId = String(w.vars.inspectionId ?? '');
      if (!inspectionId) continue;
      const plays = (part: InspectionPart) => this.scenario.plays(inspectionId, part);
      if (plays('complaint')) count += +(await this.send('anweiban', 'complaint-received', inspectionId, { channel: '来电', complainant: '', content: '群众来电反映辖区企业消防通道堵塞{m}' }, 'complaint', w.processInstanceKey));
      if (plays('obstruction')) count += +(await this.send(this.actors.leaderFor('obstruction-reported', inspectionId), 'obstruction-reported', inspectionId, { behaviour: '拒绝或者不按照要求提供有关文件、资料', description: '拒不提供隐患排查台账{m}' }, 'obstruction', w.processInstanceKey));
      if (plays('extended-inspection')) count += +(await this.send(this.actors.leaderFor('extended-inspection-started', inspectionId), 'extended-inspection-started', inspectionId, { enterpriseName: '辖区重点危化品经营企业', reason: '现场巡查发现该企业存在安全管理薄弱环节，需延伸巡查{m}' }, 'extension', w.processInstanceKey));
      if (plays('major-hazard') || plays('declined-listing')) count += +(await this.send(this.actors.leaderFor('major-hazard-found', inspectionId), 'major-hazard-found', inspectionId, { industry: '危险化学品', enterpriseName: '', description: '储罐区可燃气体报警装置全部失效，构成重大事故隐患{m}', immediateMeasures: '责令停止储罐区作业，撤离无关人员，设置警戒。' }, 'hazardFinding', w.processInstanceKey));
    }
    // rectification reports: on time after three weeks, late after the due date, or only once the ladder is exhausted
    for (const w of await this.waitingAt('rectification', ['await-rectification-report'], ['inspectionId', 'unitCode', 'rectificationDue'])) {
      const inspectionId = String(w.vars.inspectionId ?? '');
      const first = this.seen(`rect:${w.processInstanceKey}`, today);
      const plays = (part: InspectionPart) => this.scenario.plays(inspectionId, part);
      // the first due date: each rung of the ladder sets a new one, a late unit is late against the first
      if (!this.firstDue.has(w.processInstanceKey)) this.firstDue.set(w.processInstanceKey, typeof w.vars.rectificationDue === 'string' ? chinaDay(w.vars.rectificationDue) : addDays(first, 60));
      const due = this.firstDue.get(w.processInstanceKey)!;
      const ready = plays('exhausted-ladder') ? this.scenario.played.has('exhausted ladder')
        : plays('late-rectification') ? today > addDays(due, 3) : today >= addDays(first, 21);
      if (!ready) continue;
      if (plays('late-rectification')) this.scenario.play('late rectification');
      count += +(await this.send(`danwei-${String(w.vars.unitCode)}`, 'rectification-submitted', inspectionId, { report: '反馈意见指出的问题已全部整改完毕，建立了长效机制{m}', investigation: '' }, 'rectificationReport', w.processInstanceKey, false));
    }
    // listed hazards: progress every month, one extension request, the acceptance request once the work is done
    for (const w of await this.activeInstances('listed-supervision', ['hazardId', 'unitCode'])) {
      const hazardId = String(w.vars.hazardId ?? '');
      if (!hazardId) continue;
      const unit = `danwei-${String(w.vars.unitCode)}`;
      const first = this.seen(`hazard:${w.processInstanceKey}`, today);
      const age = Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000);
      if (age > 0 && age % 25 === 0) count += +(await this.send(unit, 'hazard-progress', `${hazardId}`, { percent: String(Math.min(90, age)), text: '按整改方案推进{m}' }, 'progress', w.processInstanceKey, false));
      if (age >= 10) count += +(await this.send(unit, 'extension-requested', hazardId, { requestedDue: addDays(today, 60), reason: '设备采购周期较长{m}' }, 'extension', w.processInstanceKey));
      // after a failed acceptance the unit finishes the work and asks again five days later
      const failed = this.scenario.failedAcceptance.get(hazardId);
      const ready = failed ? today >= addDays(failed, 5) : age >= 40 && this.scenario.played.has('major hazard with an extension');
      if (ready) count += +(await this.send(unit, 'acceptance-requested', hazardId, { selfAssessment: '整改完成，自评合格{m}' }, 'acceptanceRequest', w.processInstanceKey, `${hazardId}:${failed ? 'again' : 'first'}`));
    }
    // the city announces its inspections; the office starts next year's plan
    if (options.cityDays.includes(today)) {
      const accepted = await this.send('anweiban', 'city-inspection-announced', today.slice(0, 4), { period: `${today} 起十日`, notes: `市安委会巡查通知{m}` }, 'cityInspection', '', today);
      if (accepted && options.cityDays.filter((d) => d <= today && d.slice(0, 4) === today.slice(0, 4)).length >= 2) this.scenario.play('second city inspection in one year');
      count += +accepted;
    }
    if (options.specialDay === today) count += +(await this.send('anweiban', 'special-inspection', today.slice(0, 4), { note: '启动城镇燃气安全专项巡查{m}' }, 'startNote', ''));
    if (options.nextPlanDay === today) count += +(await this.send('anweiban', 'annual-plan', String(Number(today.slice(0, 4)) + 1), { note: '启动下一年度巡查{m}' }, 'startNote', ''));
    return count;
  }
}
