/** The count of a search, as SQL with its parameters. */
export interface CountQuery {
  sql: string;
  params: unknown[];
}

/**
 * The task list's usual count, open tasks of one candidate group (optionally of one state), from the candidate
 * table's (kind, value, state) index alone; other filters take the generic count.
 */
export function userTaskCount(filter: Record<string, unknown>): CountQuery | undefined {
  const { candidateGroup, state, ...others } = filter;
  if (Object.values(others).some((value) => value !== undefined)) return undefined;
  if (typeof candidateGroup !== 'string') return undefined;
  if (state === undefined) {
    return { sql: `SELECT count(*) AS n FROM rm_user_task_candidate c WHERE c.kind = 'group' AND c.value = ?`, params: [candidateGroup] };
  }
  if (typeof state !== 'string') return undefined;
  return {
    sql: `SELECT count(*) AS n FROM rm_user_task_candidate c WHERE c.kind = 'group' AND c.value = ? AND c.state = ?`,
    params: [candidateGroup, state],
  };
}
