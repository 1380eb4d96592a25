// One signed-in person in the web app, doing what the browser does: login form, task pages (the form's schema and
// data are embedded as JSON), JSON submissions with the CSRF token, form posts of reports, uploads, the inbox.
import { z } from 'zod';

const FormAnswer = z.object({ ok: z.boolean().optional(), redirect: z.string().optional(), error: z.string().optional(), fields: z.record(z.string(), z.string()).optional() }).passthrough();

export interface TaskPage {
  schema: FormSchema | null;
  data: Record<string, unknown>;
  canWork: boolean;
}
export interface FormSchema {
  id?: string;
  components?: FormField[];
}
export interface FormField {
  type: string;
  key?: string;
  path?: string;
  components?: FormField[];
  validate?: Record<string, unknown>;
  conditional?: { hide?: string };
  values?: Array<{ value: unknown }>;
  valuesKey?: string;
  readonly?: boolean | string;
  disabled?: boolean;
  subtype?: string;
}

export interface InboxItem {
  id: string;
  day: string;
}

export class WebClient {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly base: string, readonly login: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  async request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | FormData } = {}): Promise<{ status: number; text: string; location: string | null }> {
    const res = await fetch(`${this.base}${path}`, { method: init.method ?? 'GET', headers: { cookie: this.cookieHeader(), ...init.headers }, body: init.body, redirect: 'manual' });
    this.keep(res);
    const text = await res.text();
    const token = text.match(/<meta name="csrf-token" content="([^"]+)"/)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, text, location: res.headers.get('location') };
  }

  async signIn(password: string): Promise<void> {
    const form = await this.request('/login');
    const token = form.text.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const res = await this.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: token, username: this.login, password, next: '/tasks' }).toString() });
    if (res.status !== 303) throw new Error(`${this.login} could not sign in (${res.status})`);
    await this.request('/tasks');
  }

  async taskPage(key: string): Promise<TaskPage | null> {
    const res = await this.request(`/tasks/${key}`);
    if (res.status !== 200) return null;
    const json = (id: string) => {
      const m = res.text.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`));
      return m ? (JSON.parse(m[1]) as unknown) : null;
    };
    return {
      schema: json('form-schema') as FormSchema | null,
      data: (json('form-data') as Record<string, unknown> | null) ?? {},
      canWork: /data-readonly="false"/.test(res.text),
    };
  }

  /** Posts JSON as the task form and the plan assistant do; the answer and its status. */
  async postJson(path: string, body: unknown): Promise<{ status: number; body: z.infer<typeof FormAnswer> & Record<string, unknown> }> {
    const res = await this.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': this.csrf }, body: JSON.stringify(body) });
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.text);
    } catch {
      parsed = { error: res.text.slice(0, 300) };
    }
    return { status: res.status, body: FormAnswer.parse(parsed) as z.infer<typeof FormAnswer> & Record<string, unknown> };
  }

  /** The subjects a report form offers now (its <select name="subject">). */
  async reportSubjects(message: string): Promise<{ value: string; label: string }[]> {
    const res = await this.request(`/events/${message}`);
    const select = res.text.match(/<select[^>]*name="subject"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? '';
    return [...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)<\/option>/g)].map((m) => ({ value: m[1], label: m[2] }));
  }

  /** Sends a report as the browser's form post; true when the web app confirmed it (redirect to ?done=). */
  async report(message: string, fields: Record<string, string>): Promise<{ accepted: boolean; status: number; detail: string }> {
    const res = await this.request(`/events/${message}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString() });
    const accepted = res.status === 303 && !!res.location?.includes(`done=${message}`);
    const detail = accepted ? res.location ?? '' : (res.text.match(/class="(?:error|field-error)[^"]*"[^>]*>([^<]+)</)?.[1] ?? res.text.slice(0, 200));
    return { accepted, status: res.status, detail };
  }

  /** Files evidence on a task (multipart, the token in the query string as the page's form sends it). */
  async upload(taskKey: string, fileName: string, content: Buffer, type: string): Promise<number> {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(content)], { type }), fileName);
    const res = await this.request(`/tasks/${taskKey}/attachments?_csrf=${this.csrf}`, { method: 'POST', body: form });
    return res.status;
  }

  /** The inbox: each message's id and its day (China time, as the page shows it). */
  async inbox(): Promise<InboxItem[]> {
    const res = await this.request('/inbox');
    return [...res.text.matchAll(/<p class="muted">(\d{4})年(\d{1,2})月(\d{1,2})日[^<]*<\/p>[\s\S]*?action="\/inbox\/([^/]+)\/read"/g)].map((m) => ({
      id: m[4], day: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`,
    }));
  }

  /** A register exported as CSV (office and committee see all rows). */
  async registerCsv(name: string): Promise<string> {
    const res = await this.request(`/registers/${name}.csv`);
    if (res.status !== 200) throw new Error(`register ${name}: ${res.status}`);
    return res.text;
  }

  /** The clause table of 条款落实情况 as CSV (the office's export). */
  async complianceCsv(): Promise<string> {
    const res = await this.request('/monitoring/compliance/table.csv');
    if (res.status !== 200) throw new Error(`compliance table: ${res.status}`);
    return res.text;
  }
}
