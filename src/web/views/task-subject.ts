import { CATEGORIES, type Category } from '../../domain/problems';
import { html, type SafeHtml } from '../html';
import { type Attachment } from '../store/port';
import { formatTime } from './format';

/**
 * What a decision is about, shown in full on its task page (read-only): the teams by name, role and unit, the plan's
 * rounds, the 巡查工作报告, the rectification report with its attachments, the complaint, the unit's self-assessment,
 * an extension's reason and requested date. Codes are shown by name; `names` resolves people and units.
 */
export interface SubjectNames {
  person(id: string): string;
  unit(code: string): string;
}

type Vars = Record<string, unknown>;
const obj = (v: unknown): Vars => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Vars) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strings = (v: unknown): string[] => list(v).map(str).filter(Boolean);

function panel(title: string, body: SafeHtml): SafeHtml {
  return html`<section class="card" id="subject" aria-labelledby="subject-title"><h2 id="subject-title">${title}</h2>${body}</section>`;
}

const text = (label: string, value: string) => (value ? html`<h3>${label}</h3><p class="prose">${value}</p>` : '');

function teamsTable(teams: unknown, names: SubjectNames): SafeHtml {
  const rows = list(teams).map(obj);
  if (!rows.length) return html`<p class="muted">没有巡查组。</p>`;
  const people = (ids: unknown) => strings(ids).map(names.person).join('、') || '—';
  return html`<table class="list"><thead><tr><th scope="col">巡查组</th><th scope="col">组长</th><th scope="col">副组长</th><th scope="col">成员</th><th scope="col">专家</th><th scope="col">负责巡查的单位</th></tr></thead>
<tbody>${rows.map((t) => html`<tr><td>${str(t.name)}</td><td>${str(t.leaderId) ? names.person(str(t.leaderId)) : '—'}</td><td>${str(t.deputyId) ? names.person(str(t.deputyId)) : '—'}</td><td>${people(t.memberIds)}</td><td>${people(t.expertIds)}</td><td>${strings(t.unitCodes).map(names.unit).join('、') || '—'}</td></tr>`)}</tbody></table>`;
}

function planSection(plan: Vars, names: SubjectNames): SafeHtml {
  const rounds = list(plan.rounds).map(obj).sort((a, b) => Number(a.no) - Number(b.no));
  return html`<dl class="facts"><div><dt>年度</dt><dd>${str(plan.year)}</dd></div><div><dt>方案</dt><dd>${str(plan.planTitle) || '—'}</dd></div>
<div><dt>本周期起始</dt><dd>${str(plan.cycleStart) ? formatTime(str(plan.cycleStart)) : '—'}</dd></div><div><dt>被巡查单位</dt><dd>${strings(plan.units).length} 个</dd></div></dl>
${text('巡查重点', str(plan.planTheme))}
<h3>巡查轮次</h3>
<table class="list"><thead><tr><th scope="col">轮次</th><th scope="col">进驻日期</th><th scope="col">结束日期</th><th scope="col">被巡查单位</th></tr></thead>
<tbody>${rounds.map((r) => html`<tr><td>第${str(r.no)}轮</td><td>${formatTime(str(r.start))}</td><td>${formatTime(str(r.end))}</td><td>${strings(r.units).map(names.unit).join('、')}</td></tr>`)}</tbody></table>`;
}

function problemsList(problems: unknown): SafeHtml {
  const rows = list(problems).map(obj);
  if (!rows.length) return html`<p class="muted">未发现问题。</p>`;
  return html`<ol>${rows.map((p) => html`<li>（${CATEGORIES[str(p.category) as Category] ?? str(p.category)}，${str(p.severity)}）${str(p.description)}${str(p.enterpriseName) ? `（涉及：${str(p.enterpriseName)}）` : ''}${str(p.legalBasis) ? `（依据：${str(p.legalBasis)}）` : ''}</li>`)}</ol>`;
}

/** A handed-over problem as its department signs it or reports on it: the problem, the 移交函 and the deadlines. */
function handoverSection(v: Vars, receipt: boolean): SafeHtml {
  const p = obj(v.problem);
  const category = str(p.category);
  const due = (value: unknown) => (str(value) ? formatTime(str(value)) : '—');
  const letter = str(v.handoverLetterDocumentId)
    ? html`<a href="/documents/${str(v.handoverLetterDocumentId)}">${str(v.handoverNo) || str(v.handoverLetterDocumentNo) || '问题移交函'}（下载）</a>`
    : str(v.handoverNo) || '—';
  return html`<dl class="facts"><div><dt>被巡查单位</dt><dd>${str(v.unitName) || '—'}</dd></div>
<div><dt>问题类别</dt><dd>${CATEGORIES[category as Category] ?? (category || '—')}</dd></div><div><dt>严重程度</dt><dd>${str(p.severity) || '—'}</dd></div>
<div><dt>涉及企业或场所</dt><dd>${str(p.enterpriseName) || '—'}</dd></div><div><dt>问题移交函</dt><dd>${letter}</dd></div>
${receipt ? html`<div><dt>签收期限</dt><dd>${due(v.receiptDue)}</dd></div>` : ''}<div><dt>办理结果报送期限</dt><dd>${due(v.resultDue)}</dd></div></dl>
${text('问题', str(p.description))}${text('判定依据', str(p.legalBasis))}`;
}

/** The subject panel for a decision's form, or undefined when the form decides nothing that needs one. */
export function decisionSubject(formId: string, v: Vars, names: SubjectNames, attachments: Attachment[]): SafeHtml | undefined {
  switch (formId) {
    case 'team-approval':
      return panel('审批的巡查组组成', teamsTable(v.teams, names));
    case 'annual-plan-approval':
    case 'special-inspection-approval':
      return panel('审批的巡查工作方案', html`${planSection(obj(v.plan), names)}${v.teams ? html`<h3>巡查组</h3>${teamsTable(v.teams, names)}` : ''}`);
    case 'inspection-report-approval':
      return panel('审定的巡查工作报告', html`${text('基本情况和主要成效', str(v.reportSummary))}<h3>发现的问题（${list(v.problems).length}个）</h3>${problemsList(v.problems)}
${text('原因分析', str(v.reportCauses))}${text('意见和建议', str(v.reportSuggestions))}`);
    case 'rectification-review': {
      const r = obj(v.rectificationReport);
      return panel('审核的整改和查处情况报告', html`${str(r.submittedAt) ? html`<p class="muted">报送时间：${formatTime(str(r.submittedAt))}</p>` : ''}
${text('整改情况', str(r.report) || str(v.rectificationReport))}${text('查处情况', str(r.investigation))}
<h3>附件</h3>${attachments.length ? html`<ul class="plain">${attachments.map((a) => html`<li><a href="/evidence/${a.id}">${a.fileName}</a> <span class="muted">${formatTime(a.capturedAt)}</span></li>`)}</ul>` : html`<p class="muted">未附材料。</p>`}`);
    }
    case 'complaint-verification': {
      // the complainant is protected (四(三)): the team sees what was reported and how, never who reported it
      const c = obj(v.complaintSubject);
      return panel('核查的来信来电', html`<dl class="facts"><div><dt>来源</dt><dd>${str(c.channel) || '—'}</dd></div><div><dt>受理时间</dt><dd>${str(c.receivedAt) ? formatTime(str(c.receivedAt)) : '—'}</dd></div></dl>
${text('反映的问题', str(c.content))}`);
    }
    case 'hazard-acceptance': {
      const a = obj(v.acceptanceRequest);
      return panel('验收申请', html`${str(a.at) ? html`<p class="muted">申请时间：${formatTime(str(a.at))}</p>` : ''}${text('单位自评情况', str(a.selfAssessment)) || html`<p class="muted">单位未提交自评情况。</p>`}`);
    }
    case 'hazard-extension-review':
      return panel('延期申请', html`<dl class="facts"><div><dt>申请延期至</dt><dd>${str(v.extensionRequestedDue) ? formatTime(str(v.extensionRequestedDue)) : '—'}</dd></div>
<div><dt>现整改期限</dt><dd>${str(v.rectifyDue) ? formatTime(str(v.rectifyDue)) : '—'}</dd></div></dl>${text('延期理由', str(v.extensionReason))}`);
    case 'handover-receipt':
    case 'handover-result':
      return panel('移交的问题', handoverSection(v, formId === 'handover-receipt'));
    default:
      return undefined;
  }
}
