// The people of the demo district, each signed in once, and who of them works a task: the office, the committee,
// a unit's or a department's own account, a team's leader (found by opening the task as each leader would).
import { type UserTask } from './engine-api';
import { type TaskPage, WebClient } from './web-client';

export const PASSWORD = 'Yc@2026demo';
const LEADERS = ['zuzhang1', 'zuzhang2', 'zuzhang3', 'fuzuzhang1', 'fuzuzhang2', 'fuzuzhang3'];

export class Actors {
  private sessions = new Map<string, Promise<WebClient>>();
  private leaderOfTeam = new Map<string, string>();

  constructor(private readonly webUrl: string) {}

  /** The signed-in session of a demo account (signed in on first use). */
  as(login: string): Promise<WebClient> {
    let s = this.sessions.get(login);
    if (!s) {
      const client = new WebClient(this.webUrl, login);
      s = client.signIn(PASSWORD).then(() => client);
      this.sessions.set(login, s);
      s.catch(() => this.sessions.delete(login));
    }
    return s;
  }

  signedIn(): string[] {
    return [...this.sessions.keys()];
  }

  /** Who works the task, with the task's page as that person sees it; null when nobody of the district can. */
  async workerOf(task: UserTask): Promise<{ client: WebClient; page: TaskPage } | null> {
    const groups = task.candidateGroups ?? [];
    const candidates: string[] = [];
    for (const g of groups) {
      if (g === 'office') candidates.push('anweiban');
      else if (g === 'committee') candidates.push('anweihui');
      else if (g.startsWith('unit:')) candidates.push(`danwei-${g.slice(5)}`);
      else if (g.startsWith('department:')) candidates.push(`bumen-${g.slice(11)}`);
      else if (g.startsWith('team-leader:')) {
        const known = this.leaderOfTeam.get(g.slice(12));
        candidates.push(...(known ? [known] : LEADERS));
      } else if (g === 'team-leader' || g === 'team') candidates.push(...LEADERS);
    }
    for (const login of [...new Set(candidates)]) {
      const client = await this.as(login);
      const page = await client.taskPage(task.userTaskKey);
      if (page?.canWork) {
        const team = groups.find((g) => g.startsWith('team-leader:'));
        if (team) this.leaderOfTeam.set(team.slice(12), login);
        return { client, page };
      }
    }
    return null;
  }

  /** A team leader who may report on the inspection (the report form offers it to them). */
  async leaderFor(message: string, inspectionId: string): Promise<WebClient | null> {
    for (const login of LEADERS) {
      const client = await this.as(login);
      if ((await client.reportSubjects(message)).some((s) => s.value === inspectionId)) return client;
    }
    return null;
  }
}
