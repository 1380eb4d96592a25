import { type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { runActivate, runComplete } from '../elements/shared/lifecycle';

/** ResolveIncident (A3): job incidents make the job activatable; element incidents retry the failed step. */
export function resolveIncident(ctx: ProcessingContext, incidentKey: Key): void {
  const incident = ctx.state.incidents.get(incidentKey);
  if (!incident) ctx.reject('INCIDENT', 'RESOLVE', 'NOT_FOUND', `Expected to resolve incident with key '${incidentKey}', but no such incident was found`);
  const { jobKey, elementInstanceKey, errorType } = incident.value;
  const job = jobKey !== '-1' ? ctx.state.jobs.get(jobKey) : undefined;
  if (job && errorType === 'JOB_NO_RETRIES' && job.value.retries <= 0) {
    ctx.reject('INCIDENT', 'RESOLVE', 'INVALID_STATE',
      `Expected to resolve incident with key '${incidentKey}', but job with key '${jobKey}' has no retries left. Please update the job retries and retry resolving the incident`);
  }
  ctx.event('INCIDENT', 'RESOLVED', incidentKey, incident.value);
  if (jobKey !== '-1') return;
  const inst = ctx.state.instance(elementInstanceKey);
  if (inst?.state === 'ACTIVATING') ctx.schedule((next) => runActivate(next, elementInstanceKey));
  else if (inst?.state === 'COMPLETING') ctx.schedule((next) => runComplete(next, elementInstanceKey));
}
